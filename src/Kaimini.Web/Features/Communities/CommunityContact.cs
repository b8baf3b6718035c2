using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Communities.Emails;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Communities;

/// <summary>A published community as the contact form reaches it: its public address, or else its
/// leaders' addresses. None of them is shown to the sender.</summary>
public sealed record ContactTarget(int Id, string Name, string? PublicEmail, IReadOnlyList<string> LeaderEmails)
{
    public IReadOnlyList<string> Recipients => PublicEmail is not null ? [PublicEmail] : LeaderEmails;
}

/// <summary>Relays a resident's message to a community by e-mail; its address stays hidden.</summary>
public class CommunityContact(AppDbContext db, Mailer mailer, ILogger<CommunityContact> logger)
{
    /// <summary>The published community with this slug; null when there is none.</summary>
    public async Task<ContactTarget?> FindAsync(string slug, CancellationToken ct)
    {
        var community = await db.Communities.AsNoTracking()
            .Where(c => c.Slug == slug && c.Status == CommunityStatus.Published)
            .Select(c => new { c.Id, c.Name, c.PublicEmail, LeaderEmails = c.Memberships.Where(m => m.IsLeader).Select(m => m.User!.Email!).ToList() })
            .SingleOrDefaultAsync(ct);
        return community is null ? null : new ContactTarget(community.Id, community.Name, community.PublicEmail, community.LeaderEmails);
    }

    /// <summary>A bot filled in the honeypot: it is answered as if sent, and nothing is sent.</summary>
    public void Ignore(ContactTarget community) =>
        logger.LogInformation("Contact form honeypot filled for community {CommunityId}", community.Id);

    /// <summary>Queues the message to each recipient, with the sender as Reply-To, and saves.</summary>
    public async Task RelayAsync(ContactTarget community, ContactForm form, CancellationToken ct)
    {
        foreach (var to in community.Recipients)
        {
            await mailer.QueueAsync(new EmailRecipient(to, community.Name, Cultures.Default),
                new CommunityContactEmail(community.Name, form.Name!.Trim(), form.Email!.Trim(), form.Message!.Trim())
                {
                    ReplyTo = new EmailRecipient(form.Email.Trim(), form.Name.Trim(), Cultures.Current),
                },
                // A relay is not a newsletter: no unsubscribe link that would silently drop residents' messages.
                "community.contact", essential: true, ct: ct);
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Contact message relayed to community {CommunityId}", community.Id);
    }
}
