using System.ComponentModel.DataAnnotations;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Ideas;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Web;
using Kaimini.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kaimini.Web.Features.IdeaImplementation;

/// <summary>Marking a published idea implemented: the day and who carried it out (the
/// municipality, a community from the directory, residents), and taking a mistaken mark back.
/// Municipality staff do it for ideas addressed to the municipality, organisers and administrators
/// for any (<see cref="IdeaRequirement.Implement"/>).</summary>
[Route("ideas/{id:int}/implemented")]
[Authorize]
[AuthorizeIdea(nameof(IdeaRequirement.Implement))]
public class IdeaImplementationController(AppDbContext db, IdeaQueries queries, IdeaWorkflow workflow, ImplementationValidator validator,
    IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var idea = await queries.DetailsAsync(id, null, ct);
        if (idea is not { Status: IdeaStatus.Published })
        {
            return NotFound();
        }

        var form = idea.Implemented is { } done
            ? new ImplementedForm { On = done.On, By = done.By, Community = done.CommunityName }
            : new ImplementedForm
            {
                On = workflow.RigaToday(),
                By = idea.AddressedTo switch
                {
                    IdeaAddressee.Municipality => IdeaImplementer.Municipality,
                    IdeaAddressee.Ngos => IdeaImplementer.Community,
                    _ => IdeaImplementer.Residents,
                },
            };
        return View("Edit", new ImplementedPageViewModel(idea, form));
    }

    [HttpPost("")]
    public async Task<IActionResult> Mark(int id, ImplementedForm form, CancellationToken ct)
    {
        var idea = await db.Ideas.SingleOrDefaultAsync(i => i.Id == id && i.Status == IdeaStatus.Published, ct);
        if (idea is null)
        {
            return NotFound();
        }

        if (await validator.ValidateAsync(idea, form, ModelState, ct) is not { } implementation)
        {
            return View("Edit", new ImplementedPageViewModel((await queries.DetailsAsync(id, null, ct))!, form));
        }

        await workflow.MarkImplementedAsync(idea, implementation, CurrentActor(), ct);
        TempData["Status"] = "IdeaImplementation.Saved";
        return Redirect(Links.Ideas.Show(id));
    }

    [HttpPost("undo")]
    public async Task<IActionResult> Undo(int id, CancellationToken ct)
    {
        var idea = await db.Ideas.SingleOrDefaultAsync(i => i.Id == id && i.Status == IdeaStatus.Published, ct);
        if (idea is null)
        {
            return NotFound();
        }

        if (!idea.IsImplemented)
        {
            ModelState.AddModelError("", t["IdeaImplementation.NotImplemented"]);
            return View("Edit", new ImplementedPageViewModel((await queries.DetailsAsync(id, null, ct))!, new ImplementedForm { On = workflow.RigaToday() }));
        }

        await workflow.UndoImplementedAsync(idea, CurrentActor(), ct);
        TempData["Status"] = "IdeaImplementation.Undone";
        return Redirect(Links.Ideas.Show(id));
    }

    private Actor CurrentActor() => Actor.Of(User);
}

public class ImplementedForm
{
    [Display(Name = "Field.ImplementedOn")]
    [Required]
    public DateOnly? On { get; set; }

    [Display(Name = "Field.ImplementedBy")]
    [Required(ErrorMessage = "Validation.Choose")]
    public IdeaImplementer? By { get; set; }

    /// <summary>The community's name or its address in the directory, when a community did it.</summary>
    [Display(Name = "Field.ImplementedByCommunity")]
    [StringLength(300)]
    public string? Community { get; set; }

    [Display(Name = "Field.ImplementedNote")]
    [StringLength(1000)]
    [DataType(DataType.MultilineText)]
    public string? Note { get; set; }
}

public sealed record ImplementedPageViewModel(IdeaDetails Idea, ImplementedForm Form);
