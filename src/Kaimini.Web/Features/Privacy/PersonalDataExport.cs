using System.Text.Json;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Privacy;

/// <summary>Everything the portal holds about one person, as the JSON file they download: the
/// account and roles, the leader profile, memberships, follows, invitations received and sent, changes made,
/// event registrations, ideas and supports, the mail sent to them and whether they unsubscribed.</summary>
public class PersonalDataExport(AppDbContext db, UserManager<AppUser> users)
{
    public const string FileName = "kaimini-mani-dati.json";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // A file for the person to read: Latvian letters as themselves.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<byte[]> JsonAsync(AppUser user, CancellationToken ct) =>
        JsonSerializer.SerializeToUtf8Bytes(await DataAsync(user, ct), JsonOptions);

    private async Task<object> DataAsync(AppUser user, CancellationToken ct)
    {
        var email = user.Email!.ToLowerInvariant();
        return new
        {
            account = new { user.Id, user.DisplayName, user.Email, user.EmailConfirmed, user.PreferredCulture, user.WeeklyDigest, user.CreatedAt, user.LockoutEnd },
            roles = await users.GetRolesAsync(user),
            leaderProfile = await db.LeaderProfiles.AsNoTracking().Where(p => p.UserId == user.Id)
                .Select(p => new
                {
                    p.Bio,
                    Territory = p.Territory!.Name,
                    Interests = p.Interests.Select(i => i.Slug).ToList(),
                    p.IsPublic,
                    p.ConsentGivenAt,
                    p.ConsentGivenVersion,
                    p.ConsentWithdrawnAt,
                    p.UpdatedAt,
                })
                .SingleOrDefaultAsync(ct),
            memberships = await db.CommunityMemberships.AsNoTracking().Where(m => m.UserId == user.Id)
                .Select(m => new { Community = m.Community!.Name, m.Community.Slug, Role = m.Role.ToString(), m.IsLeader, m.CreatedAt })
                .ToListAsync(ct),
            invitationsReceived = await db.Invitations.AsNoTracking().Where(i => i.Email == email || i.AcceptedById == user.Id)
                .Select(i => new { Purpose = i.Purpose.ToString(), i.Role, Status = i.Status.ToString(), i.CreatedAt, i.ExpiresAt, i.AcceptedAt })
                .ToListAsync(ct),
            invitationsSent = await db.Invitations.AsNoTracking().Where(i => i.InvitedById == user.Id)
                .Select(i => new { i.Email, i.Role, Status = i.Status.ToString(), i.CreatedAt })
                .ToListAsync(ct),
            changesMade = await db.AuditEntries.AsNoTracking().Where(a => a.UserId == user.Id)
                .OrderBy(a => a.At).Select(a => new { a.At, a.EntityType, a.EntityId, a.Action })
                .ToListAsync(ct),
            eventRegistrations = await db.EventRegistrations.AsNoTracking().Where(r => r.Email == email || r.UserId == user.Id)
                .Select(r => new
                {
                    Event = r.Event!.Title,
                    r.Name,
                    r.Email,
                    ParticipantType = r.ParticipantType.ToString(),
                    r.AccessibilityNeeds,
                    r.ListConsent,
                    Status = r.Status.ToString(),
                    r.CreatedAt,
                    r.CancelledAt
                })
                .ToListAsync(ct),
            ideas = await db.Ideas.AsNoTracking().Where(i => i.AuthorId == user.Id || i.AuthorEmail == email)
                .OrderBy(i => i.CreatedAt)
                .Select(i => new
                {
                    i.Id,
                    Kind = i.Kind.ToString(),
                    i.Title,
                    i.Body,
                    i.AuthorName,
                    i.AuthorEmail,
                    AddressedTo = i.AddressedTo.ToString(),
                    Status = i.Status.ToString(),
                    Response = i.Response.ToString(),
                    i.CreatedAt,
                    i.PublishedAt,
                })
                .ToListAsync(ct),
            ideaSupports = await db.IdeaSupports.AsNoTracking().Where(s => s.UserId == user.Id)
                .OrderBy(s => s.CreatedAt)
                .Join(db.Ideas, s => s.IdeaId, i => i.Id, (s, i) => new { IdeaId = i.Id, Idea = i.Title, s.CreatedAt })
                .ToListAsync(ct),
            cooperationMessages = await db.CooperationAnswers.AsNoTracking().Where(a => a.SenderId == user.Id)
                .OrderBy(a => a.CreatedAt).Select(a => new { a.PostId, a.SenderName, a.Message, a.CreatedAt })
                .ToListAsync(ct),
            cooperationReports = await db.CooperationReports.AsNoTracking().Where(r => r.ReporterId == user.Id)
                .OrderBy(r => r.CreatedAt).Select(r => new { r.PostId, r.Reason, r.CreatedAt })
                .ToListAsync(ct),
            mailSent = await db.OutboxMessages.AsNoTracking().Where(m => m.Recipient == email)
                .OrderBy(m => m.CreatedAt).Select(m => new { m.Subject, m.CreatedAt, Status = m.Status.ToString(), m.SentAt })
                .ToListAsync(ct),
            follows = await db.Follows.AsNoTracking().Where(f => f.UserId == user.Id).OrderBy(f => f.CreatedAt)
                .Select(f => new { Community = f.Community!.Name, Territory = f.Territory!.Name, Theme = f.Theme!.Slug, f.CreatedAt })
                .ToListAsync(ct),
            weeklyDigests = await db.DigestSends.AsNoTracking().Where(d => d.UserId == user.Id).OrderBy(d => d.Week)
                .Select(d => new { d.Week, d.Sent })
                .ToListAsync(ct),
            unsubscribed = await db.EmailSuppressions.AsNoTracking().AnyAsync(s => s.Email == email, ct),
        };
    }
}
