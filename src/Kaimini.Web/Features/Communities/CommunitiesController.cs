using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Text;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Communities;

[Route("communities")]
public class CommunitiesController(
    AppDbContext db,
    CommunityDirectory directory,
    ReferenceCache reference,
    MarkdownRenderer markdown,
    CommunityContact contact,
    UserManager<AppUser> users,
    Shared.WhatsOnQueries whatsOn) : Controller
{
    [OutputCache(PolicyName = PublicPageCache.Policy, VaryByQueryKeys = ["q", "novads", "former", "place", "theme", "form", "sort", "page"])]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] DirectoryQuery query, CancellationToken ct) =>
        View(await directory.SearchAsync(query, ct));

    /// <summary>Cacheable: no form and nothing personal on it (the contact form has its own page).</summary>
    [OutputCache(PolicyName = PublicPageCache.PlacePolicy)]
    [HttpGet("{slug}")]
    public async Task<IActionResult> Show(string slug, CancellationToken ct)
    {
        var model = await PageAsync(slug, new ContactForm(), ct);
        if (model is null)
        {
            return NotFound();
        }

        // Its own events wherever they are, and what happens in its town or parish.
        var refData = await reference.GetAsync(ct);
        var place = refData.TerritoryById[model.TerritoryId];
        var parish = place.Kind == TerritoryKind.Ciems && place.ParentId is { } p ? refData.TerritoryById[p] : place;
        var (eventsUrl, ideasUrl) = refData.ListsFor(parish);
        return View(model with { WhatsOn = await whatsOn.ForAsync(refData.UnitsWithin(parish), model.Id, eventsUrl, ideasUrl, ct) });
    }

    [HttpGet("{slug}/contact")]
    public async Task<IActionResult> ContactForm(string slug, CancellationToken ct)
    {
        var model = await PageAsync(slug, new ContactForm(), ct);
        return model is null || !model.CanBeContacted ? NotFound() : View("Contact", model);
    }

    /// <summary>Relays a message to the community by e-mail; its address stays hidden. The honeypot
    /// and a rate limit keep bots out.</summary>
    [HttpPost("{slug}/contact")]
    [FormRateLimit(WebExtensions.ContactRateLimit)]
    [SendCap]
    public async Task<IActionResult> Contact(string slug, [Bind(Prefix = "Contact")] ContactForm form, CancellationToken ct)
    {
        var community = await contact.FindAsync(slug, ct);
        if (community is null)
        {
            return NotFound();
        }

        if (!string.IsNullOrEmpty(form.Website))
        {
            contact.Ignore(community);
            TempData["Status"] = "Contact.Sent";
            return Redirect(Links.Communities.Show(slug));
        }

        if (!ModelState.IsValid)
        {
            var model = await PageAsync(slug, form, ct);
            return View("Contact", model);
        }

        await contact.RelayAsync(community, form, ct);
        TempData["Status"] = "Contact.Sent";
        return Redirect(Links.Communities.Show(slug));
    }

    private async Task<CommunityPageViewModel?> PageAsync(string slug, ContactForm contact, CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        // Scalars where a list is not needed: EF Core's shaper for each nested collection builds
        // delegates for every row it reads.
        var c = await db.Communities.AsNoTracking()
            .Where(c => c.Slug == slug)
            .Select(c => new
            {
                c.Id,
                c.Slug,
                c.Name,
                c.LegalForm,
                c.Status,
                c.Verified,
                c.ShortDescription,
                c.ShortDescriptionEn,
                c.Description,
                c.DescriptionEn,
                c.TerritoryId,
                c.Street,
                c.PostalCode,
                c.FoundedYear,
                c.Website,
                c.Phone,
                c.SocialLinks,
                c.RegistrationNumber,
                c.PublicEmail,
                c.RejectionReason,
                ThemeIds = string.Join(",", db.CommunityThemes.Where(x => EF.Property<int>(x, CommunityThemeQueries.CommunityId) == c.Id)
                    .Select(x => EF.Property<int>(x, CommunityThemeQueries.ThemeId).ToString())),
                HasLeaders = c.Memberships.Any(m => m.IsLeader),
                IsLeader = userId != null && c.Memberships.Any(m => m.IsLeader && m.UserId == userId),
                // Only people who agreed to be shown.
                People = c.Memberships
                    .Where(m => db.LeaderProfiles.Any(p => p.UserId == m.UserId && p.IsPublic))
                    .Select(m => new { m.User!.DisplayName, m.Role }).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (c is null)
        {
            return null;
        }

        var isLeader = c.IsLeader;
        var isModerator = User.IsInRole(Roles.Organiser) || User.IsInRole(Roles.Administrator);
        // Only published communities are public; their leaders and moderators may preview the rest.
        if (c.Status != CommunityStatus.Published && !isLeader && !isModerator)
        {
            return null;
        }

        var refData = await reference.GetAsync(ct);
        var territory = refData.TerritoryById[c.TerritoryId];
        var place = refData.PlaceLine(c.TerritoryId);
        var address = c.Street is null && c.PostalCode is null
            ? null
            : string.Join(", ", new[] { c.Street, AddressPlace(refData, c.TerritoryId), c.PostalCode }.Where(p => !string.IsNullOrEmpty(p)));
        var culture = Cultures.Current;
        return new CommunityPageViewModel(c.Id, c.TerritoryId, c.Slug, c.Name, c.LegalForm, c.Status, c.RejectionReason, c.Verified,
            new LocalText(c.ShortDescription, c.ShortDescriptionEn), markdown.Render(new LocalText(c.Description ?? "", c.DescriptionEn)), place, territory.Slug, address,
            CommunityThemeQueries.Ids(c.ThemeIds).Select(id => refData.ThemeById[id]).OrderBy(t => t.Id).Select(t => t.Name(culture)).ToList(),
            c.FoundedYear, c.Website, c.Phone is null ? null : Formats.DisplayPhone(c.Phone), c.SocialLinks, c.RegistrationNumber,
            c.People.OrderBy(p => p.Role).ThenBy(p => p.DisplayName, Cultures.LatvianComparer).Select(p => (p.DisplayName, p.Role)).ToList(),
            isLeader || isModerator, c.Status == CommunityStatus.Published && (c.PublicEmail is not null || c.HasLeaders),
            contact, isLeader);
    }

    /// <summary>"Piņķi, Babītes pag., Mārupes nov." as Latvian addresses abbreviate them.</summary>
    private static string AddressPlace(ReferenceData refData, int territoryId) =>
        string.Join(", ", refData.PlaceLine(territoryId).Split(", ")
            .Select(p => p.EndsWith(" pagasts") ? p[..^" pagasts".Length] + " pag." : p.EndsWith(" novads") ? p[..^" novads".Length] + " nov." : p));
}
