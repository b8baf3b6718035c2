using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Communities;
using Kaimini.Web.Features.Ideas;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.IdeaImplementation;

/// <summary>Checks the "implemented" form against the idea and the directory.</summary>
public class ImplementationValidator(AppDbContext db, IdeaWorkflow workflow, IStringLocalizer<SharedResource> t)
{
    /// <summary>The implementation to record, or null with the problems in <paramref name="state"/> under
    /// "form.X": the day lies between the idea's submission and today, the implementer is one of the
    /// kinds, and a community is named and found in the directory when a community did it.</summary>
    public async Task<Implementation?> ValidateAsync(Idea idea, ImplementedForm form, ModelStateDictionary state, CancellationToken ct)
    {
        var submitted = DateOnly.FromDateTime(idea.CreatedAt.ToRiga().DateTime);
        switch (form.On is { } on ? Idea.CheckImplementedOn(on, submitted, workflow.RigaToday()) : ImplementedOnProblem.None)
        {
            case ImplementedOnProblem.InFuture:
                state.AddModelError($"form.{nameof(form.On)}", t["IdeaImplementation.FutureDate"]);
                break;
            case ImplementedOnProblem.BeforeIdea:
                state.AddModelError($"form.{nameof(form.On)}", t["IdeaImplementation.BeforeIdea", RigaTime.Date(idea.CreatedAt)]);
                break;
        }

        if (form.By is { } by && !Enum.IsDefined(by))
        {
            state.AddModelError($"form.{nameof(form.By)}", t["Validation.Invalid", t["Field.ImplementedBy"]]);
        }

        CommunityChoice? community = null;
        if (form.By == IdeaImplementer.Community)
        {
            if (string.IsNullOrWhiteSpace(form.Community))
            {
                state.AddModelError($"form.{nameof(form.Community)}", t["Validation.Required", t["Field.ImplementedByCommunity"]]);
            }
            else if ((community = await CommunityFinder.FindOneAsync(db, form.Community, ct)) is null)
            {
                state.AddModelError($"form.{nameof(form.Community)}", t["IdeaImplementation.UnknownCommunity", form.Community.Trim()]);
            }
        }

        return state.IsValid ? new Implementation(form.On!.Value, form.By!.Value, community?.Id, community?.Name, form.Note) : null;
    }
}
