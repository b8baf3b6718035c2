using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Invitations.Emails;
using Kaimini.Web.Features.Shared.Emails;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Invitations;

/// <summary>Creating invitations with their mail, and accepting them.</summary>
public class InvitationService(AppDbContext db, Mailer mailer, PublicUrls urls, UserManager<AppUser> users, TimeProvider clock)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(14);

    /// <summary>Adds an invitation to join the portal with a role and queues its mail (not saved:
    /// the caller saves, so the invitation and its mail commit together). Null when the address
    /// has unsubscribed from non-essential mail.</summary>
    public Task<Invitation?> InviteToRoleAsync(string email, string role, AppUser inviter, string culture, Guid? batchId, CancellationToken ct) =>
        CreateAsync(email, InvitationPurpose.PortalRole, role, null, inviter, culture, batchId, ct,
            (token, expires) => new RoleInvitationEmail(role, inviter.DisplayName, expires.ToRiga(), urls.Absolute(Links.Invitations.Show(token))));

    /// <summary>Invites someone to lead a community together with its leaders (not saved: the caller saves).</summary>
    public Task<Invitation?> InviteCoLeaderAsync(string email, Community community, AppUser inviter, string culture, CancellationToken ct) =>
        CreateAsync(email, InvitationPurpose.CommunityCoLeader, null, community.Id.ToString(), inviter, culture, null, ct,
            (token, expires) => new CoLeaderInvitationEmail(inviter.DisplayName, community.Name, expires.ToRiga(), urls.Absolute(Links.Invitations.Show(token))));

    /// <summary>Invites an address to an event (not saved: the caller saves). The link opens the
    /// event's sign-up with the address filled in; the invitation lasts until the event ends. With a
    /// quota (kept in <c>Invitation.Role</c>), the link lets them take that side's kept places.</summary>
    public Task<Invitation?> InviteToEventAsync(string email, Event ev, AppUser inviter, string culture, Guid? batchId, CancellationToken ct,
        ParticipantType? quota = null) =>
        CreateAsync(email, InvitationPurpose.Event, quota?.ToString(), ev.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), inviter, culture, batchId, ct,
            (token, _) => new EventInvitationEmail(inviter.DisplayName, EventFacts.Of(ev), urls.Absolute(Links.Events.WithInvitation(ev.Slug, token))),
            ev.EndsAt);

    /// <summary>Before inviting many: who has unsubscribed, in one query instead of one per address.</summary>
    public Task PreloadSuppressionsAsync(IEnumerable<string> emails, CancellationToken ct) => mailer.PreloadSuppressionsAsync(emails, ct);

    private async Task<Invitation?> CreateAsync(string email, InvitationPurpose purpose, string? role, string? targetId, AppUser inviter,
        // mail: the message, from the token (only in the e-mail) and the expiry.
        string culture, Guid? batchId, CancellationToken ct, Func<string, DateTimeOffset, EmailModel> mail, DateTimeOffset? expiresAt = null)
    {
        var now = clock.GetUtcNow();
        var (token, hash) = LinkTokens.Create();
        var invitation = new Invitation
        {
            Id = Guid.CreateVersion7(),
            Email = email.Trim().ToLowerInvariant(),
            Purpose = purpose,
            Role = role,
            TargetId = targetId,
            InvitedById = inviter.Id,
            TokenHash = hash,
            Culture = Cultures.IsSupported(culture) ? culture : Cultures.Default,
            CreatedAt = now,
            ExpiresAt = expiresAt ?? now + DefaultLifetime,
            BatchId = batchId,
        };
        var queued = await mailer.QueueAsync(new EmailRecipient(invitation.Email, "", invitation.Culture), mail(token, invitation.ExpiresAt),
            purpose switch
            {
                InvitationPurpose.PortalRole => "invitation",
                InvitationPurpose.Event => "invitation.event",
                _ => "invitation.coleader",
            }, essential: false, batchId, ct);
        if (queued is null)
        {
            return null;
        }

        db.Invitations.Add(invitation);
        return invitation;
    }

    /// <summary>The community a co-leader invitation is for.</summary>
    public Task<Community?> CommunityOfAsync(Invitation invitation, CancellationToken ct) =>
        invitation.Purpose == InvitationPurpose.CommunityCoLeader && int.TryParse(invitation.TargetId, out var id)
            ? db.Communities.SingleOrDefaultAsync(c => c.Id == id, ct)
            : Task.FromResult<Community?>(null);

    /// <summary>An event invitation by its token, for filling in the sign-up form.</summary>
    public Task<Invitation?> FindForEventAsync(string token, int eventId, CancellationToken ct)
    {
        var hash = LinkTokens.Hash(token);
        var target = eventId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash && i.Purpose == InvitationPurpose.Event
            && i.TargetId == target && i.Status != InvitationStatus.Revoked, ct);
    }

    public Task<Invitation?> FindAsync(string token, CancellationToken ct)
    {
        var hash = LinkTokens.Hash(token);
        return db.Invitations.Include(i => i.InvitedBy).SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
    }

    /// <summary>Creates <paramref name="user"/> with the password and accepts the invitation for it, in
    /// one transaction: when either fails nothing is kept. <c>Accepted</c> is false when the
    /// invitation was used or withdrawn in the meantime.</summary>
    public async Task<(IdentityResult Created, bool Accepted)> RegisterAsync(Invitation invitation, AppUser user, string password, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded || !await AcceptAsync(invitation, user, ct))
        {
            return (created, false);
        }

        await transaction.CommitAsync(ct);
        return (created, true);
    }

    /// <summary>Marks the invitation accepted by the user and grants what it offers. The status
    /// changes only if it is still open, in one statement, so a token works once even when two
    /// people click at the same moment. Call inside a transaction with the rest of the change.</summary>
    public async Task<bool> AcceptAsync(Invitation invitation, AppUser user, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var claimed = await db.Invitations
            .Where(i => i.Id == invitation.Id)
            .Where(Invitation.OpenAt(now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, InvitationStatus.Accepted)
                .SetProperty(i => i.AcceptedAt, now)
                .SetProperty(i => i.AcceptedById, user.Id), ct);
        if (claimed == 0)
        {
            return false;
        }

        if (invitation.Purpose == InvitationPurpose.PortalRole && invitation.Role is not null
            && !await users.IsInRoleAsync(user, invitation.Role))
        {
            var result = await users.AddToRoleAsync(user, invitation.Role);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Granting role {invitation.Role} failed: {string.Join("; ", result.Errors.Select(e => e.Code))}");
            }
        }

        if (invitation.Purpose == InvitationPurpose.CommunityCoLeader && await CommunityOfAsync(invitation, ct) is { } community)
        {
            var membership = await db.CommunityMemberships.SingleOrDefaultAsync(m => m.CommunityId == community.Id && m.UserId == user.Id, ct);
            if (membership is null)
            {
                db.CommunityMemberships.Add(new CommunityMembership
                {
                    CommunityId = community.Id,
                    UserId = user.Id,
                    Role = MembershipRole.BoardMember,
                    IsLeader = true,
                    CreatedAt = now,
                });
            }
            else
            {
                membership.IsLeader = true;
            }

            if (!await users.IsInRoleAsync(user, Roles.Leader))
            {
                await users.AddToRoleAsync(user, Roles.Leader);
            }

            await db.SaveChangesAsync(ct);
        }

        return true;
    }
}
