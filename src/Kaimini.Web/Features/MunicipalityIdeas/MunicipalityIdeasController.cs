using System.ComponentModel.DataAnnotations;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Ideas;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Web;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.MunicipalityIdeas;

/// <summary>Municipality staff answer the ideas addressed to the municipality: a status and a
/// public reply; the author and every supporter are told by e-mail. Organisers moderate but do
/// not answer for the municipality, unless they are also administrators. Staff see every novads's
/// ideas but answer only their own novads's (<see cref="IdeaRequirement.Answer"/>).</summary>
[Route("municipality/ideas")]
[Authorize(Policy = Policies.MunicipalityStaff)]
public class MunicipalityIdeasController(AppDbContext db, IdeaQueries queries, IdeaWorkflow workflow, ReferenceCache reference,
    IAuthorizationService authorization, IStringLocalizer<SharedResource> t) : Controller
{
    public const int PageSize = 30;

    /// <summary>Unanswered first, then open answers, then closed ones; oldest first within each.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] IdeasQuery query, CancellationToken ct)
    {
        var refData = await reference.GetAsync(ct);
        query.Addressee = null;
        var filtered = IdeaQueries.Filter(
            db.Ideas.AsNoTracking().Where(i => i.Status == IdeaStatus.Published && i.AddressedTo == IdeaAddressee.Municipality), query, refData);
        var ordered = filtered.OrderBy(i => i.AnswerStage).ThenBy(i => i.UpdatedAt).ThenBy(i => i.Id);
        var results = await queries.PageAsync(filtered, ordered, query.Page, PageSize, ct);
        return View(new Ideas.IdeaListViewModel(query, results, refData, []));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        var idea = await queries.DetailsAsync(id, null, ct);
        if (idea is not { Status: IdeaStatus.Published, AddressedTo: IdeaAddressee.Municipality })
        {
            return NotFound();
        }

        var form = new AnswerForm { Response = idea.Response == IdeaResponse.None ? IdeaResponse.UnderReview : idea.Response };
        var canAnswer = (await authorization.AuthorizeAsync(User, new IdeaResource(idea.Id, idea.AddressedTo), IdeaRequirement.Answer)).Succeeded;
        return View(new AnswerViewModel(idea, form, canAnswer));
    }

    /// <summary>Refused (403) for staff of another novads, whatever the form says.</summary>
    [HttpPost("{id:int}/answer")]
    [AuthorizeIdea(nameof(IdeaRequirement.Answer))]
    public async Task<IActionResult> Answer(int id, AnswerForm form, CancellationToken ct)
    {
        var idea = await db.Ideas.SingleOrDefaultAsync(i => i.Id == id && i.Status == IdeaStatus.Published && i.AddressedTo == IdeaAddressee.Municipality, ct);
        if (idea is null)
        {
            return NotFound();
        }

        form.Validate(ModelState, t);
        if (!ModelState.IsValid)
        {
            return View("Show", new AnswerViewModel((await queries.DetailsAsync(id, null, ct))!, form, CanAnswer: true));
        }

        await workflow.AnswerAsync(idea, form.Response!.Value, form.Reply, Actor.Of(User), form.ShowName, ct);
        TempData["Status"] = "MunicipalityIdeas.Answered";
        return Redirect(Links.Municipality.Idea(id));
    }
}

public class AnswerForm
{
    [Display(Name = "Field.AnswerStatus")]
    public IdeaResponse? Response { get; set; }

    [Display(Name = "Field.AnswerReply")]
    [StringLength(5000)]
    [DataType(DataType.MultilineText)]
    public string? Reply { get; set; }

    /// <summary>Sign with the employee's name as well as the municipality's. Off by default: the
    /// municipality answers, as in its letters; an employee may choose to be named.</summary>
    [Display(Name = "Field.AnswerShowName")]
    public bool ShowName { get; set; }

    /// <summary>Asks <see cref="Idea.CheckAnswer"/> and reports its problem under "form.X".</summary>
    public void Validate(ModelStateDictionary state, IStringLocalizer<SharedResource> t)
    {
        switch (Idea.CheckAnswer(Response, Reply))
        {
            case AnswerProblem.NoStatus:
                state.AddModelError($"form.{nameof(Response)}", t["MunicipalityIdeas.ChooseStatus"]);
                break;
            case AnswerProblem.ReasonRequired:
                state.AddModelError($"form.{nameof(Reply)}", t["MunicipalityIdeas.ReasonRequired"]);
                break;
            case AnswerProblem.ForwardedToRequired:
                // Residents are told where their idea went.
                state.AddModelError($"form.{nameof(Reply)}", t["MunicipalityIdeas.ForwardedToRequired"]);
                break;
        }
    }
}

/// <summary><paramref name="CanAnswer"/>: the idea is in this person's novads (or they are an administrator).</summary>
public sealed record AnswerViewModel(IdeaDetails Idea, AnswerForm Form, bool CanAnswer);
