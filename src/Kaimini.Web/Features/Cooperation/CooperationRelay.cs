using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Cooperation.Emails;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Cooperation;

/// <summary>The relay of the cooperation board: an answer to a post goes to the poster's leaders, a
/// reply goes back to whoever answered. Each message is stored and mailed (through the outbox, in one
/// save) with the sender's name and a link to the portal, never an address, so neither side learns the
/// other's. Relays are not newsletters: no unsubscribe link that would silently drop answers.</summary>
public class CooperationRelay(AppDbContext db, CooperationBoard board, Mailer mailer, PublicUrls urls, TimeProvider clock, ILogger<CooperationRelay> logger)
{
    public sealed record Post(int Id, string Title, int CommunityId, string CommunityName);

    public async Task AnswerAsync(Post post, AppUser sender, string message, CancellationToken ct)
    {
        var answer = Message(post.Id, null, sender, message);
        var link = urls.Absolute(Links.Cooperation.Conversation(post.Id, answer.Id));
        foreach (var (email, name, culture) in await board.LeadersAsync(post.CommunityId, ct))
        {
            await mailer.QueueAsync(new EmailRecipient(email, name, culture),
                new CooperationMessageEmail(post.Title, post.CommunityName, sender.DisplayName, answer.Message, link, IsReply: false),
                "cooperation.answer", essential: true, ct: ct);
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Answer {AnswerId} to cooperation post {PostId} relayed", answer.Id, post.Id);
    }

    /// <summary>Whoever answered gets the reply; an account deleted since has nobody to write to.</summary>
    public async Task ReplyAsync(int postId, Guid answerId, string? answeredBy, AppUser sender, string message, CancellationToken ct)
    {
        var post = await db.CooperationPosts.AsNoTracking().Where(p => p.Id == postId)
            .Select(p => new { p.Title, p.Community!.Name }).SingleAsync(ct);
        var reply = Message(postId, answerId, sender, message);
        var to = answeredBy is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == answeredBy)
            .Select(u => new { u.Email, u.DisplayName, u.PreferredCulture }).SingleOrDefaultAsync(ct);
        if (to?.Email is not null)
        {
            await mailer.QueueAsync(new EmailRecipient(to.Email, to.DisplayName, to.PreferredCulture),
                new CooperationMessageEmail(post.Title, post.Name, sender.DisplayName, reply.Message, urls.Absolute(Links.Cooperation.AnswerSection(postId)), IsReply: true),
                "cooperation.reply", essential: true, ct: ct);
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Reply to answer {AnswerId} of cooperation post {PostId} relayed", answerId, postId);
    }

    private CooperationAnswer Message(int postId, Guid? replyTo, AppUser sender, string message)
    {
        var stored = new CooperationAnswer
        {
            Id = Guid.CreateVersion7(),
            PostId = postId,
            ReplyToId = replyTo,
            SenderId = sender.Id,
            SenderName = sender.DisplayName,
            Message = message.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.CooperationAnswers.Add(stored);
        return stored;
    }
}
