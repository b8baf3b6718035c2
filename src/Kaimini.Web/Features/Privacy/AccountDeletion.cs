using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Ideas;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Privacy;

/// <summary>Deletes an account in one transaction: the account, its leader profile and memberships,
/// the mail and invitations addressed to it go; the communities stay, and what the person did
/// (audit entries, invitations sent, sign-ups, ideas and supports) stays without their name.</summary>
public class AccountDeletion(AppDbContext db, UserManager<AppUser> users, IOutputCacheStore cache, TimeProvider clock)
{
    public async Task DeleteAsync(AppUser user, CancellationToken ct)
    {
        var email = user.Email!.ToLowerInvariant();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Invitations.Where(i => i.InvitedById == user.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.InvitedById, (string?)null), ct);
        await db.OutboxMessages.Where(m => m.Recipient == email).ExecuteDeleteAsync(ct);
        await db.Invitations.Where(i => i.Email == email).ExecuteDeleteAsync(ct);
        // Sign-ups keep their place in the counts but lose everything that names the person (the
        // people hash stays for reports).
        var now = clock.GetUtcNow();
        foreach (var registration in await db.EventRegistrations.Where(r => (r.Email == email || r.UserId == user.Id) && r.AnonymisedAt == null).ToListAsync(ct))
        {
            registration.AnonymiseForDeletedAccount(now);
        }

        await db.SaveChangesAsync(ct);
        // Ideas keep their text and place in the counts; the author becomes "deleted user". Supports
        // lose their person through the foreign key (set null) and still count.
        await db.Ideas.Where(i => i.AuthorId == user.Id || i.AuthorEmail == email).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.AuthorName, IdeaText.DeletedAuthor)
            .SetProperty(i => i.AuthorEmail, i => "deleted-" + i.Id + DeletedPerson.AddressSuffix)
            .SetProperty(i => i.AuthorId, (string?)null)
            .SetProperty(i => i.ConfirmTokenHash, (string?)null), ct);
        // Messages relayed on the cooperation board keep their text (the other side has it by mail);
        // the sender's name goes, and the account through the foreign key (set null).
        await db.CooperationAnswers.Where(a => a.SenderId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.SenderName, DeletedPerson.Name), ct);
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Deleting account {user.Id} failed: {string.Join("; ", result.Errors.Select(e => e.Code))}");
        }

        await transaction.CommitAsync(ct);
        // The ideas were renamed in one statement, past the interceptor (the account's own rows evict on save).
        await cache.EvictForAsync(typeof(Idea));
    }
}
