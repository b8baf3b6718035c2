using System.Security.Claims;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Ideas.Emails;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Email;
using Kaimini.Web.Infrastructure.Localization;
using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Ideas;

public sealed record IdeaValues(IdeaKind Kind, string Title, string Body, int TerritoryId, int? ThemeId, int? EventId, int? ForumGroupId,
    IdeaAddressee AddressedTo, string AuthorName, string AuthorEmail, string? AuthorId, bool EmailConfirmed);

/// <summary>An idea written on paper at a forum, as its organiser types it in. No address: nobody
/// is mailed about it. An empty name shows as "forum participant".</summary>
public sealed record PaperIdeaValues(int EventId, DateTimeOffset ForumStartsAt, int? ForumGroupId, IdeaKind Kind, string Title, string Body,
    int TerritoryId, int? ThemeId, IdeaAddressee AddressedTo, string? AuthorName);

/// <summary>Who carried an idea out: the municipality, residents, or a community from the directory
/// (its id and its name at the time).</summary>
public sealed record Implementation(DateOnly On, IdeaImplementer By, int? CommunityId, string? CommunityName, string? Note);

/// <summary>Everything that changes an idea: submitting and confirming it, supporting it, the
/// organisers' moderation and the municipality's answer. Each step writes its history entry, and its
/// e-mail goes through the outbox in the same transaction; public idea pages are dropped from the
/// cache afterwards.</summary>
public class IdeaWorkflow(AppDbContext db, Mailer mailer, PublicUrls urls, TimeProvider clock, IOutputCacheStore cache,
    ILogger<IdeaWorkflow> logger)
{
    /// <summary>How long an e-mail confirmation link works.</summary>
    public static readonly TimeSpan ConfirmationValidity = TimeSpan.FromDays(14);

    /// <summary>People whose e-mail is confirmed (an account's) publish at once; others get a
    /// confirmation link by e-mail.</summary>
    public async Task<Idea> SubmitAsync(IdeaValues v, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var publish = v.EmailConfirmed;
        var idea = new Idea
        {
            Kind = v.Kind,
            Title = v.Title.Trim(),
            Body = v.Body.Trim(),
            TerritoryId = v.TerritoryId,
            ThemeId = v.ThemeId,
            EventId = v.EventId,
            ForumGroupId = v.ForumGroupId,
            AddressedTo = v.AddressedTo,
            AuthorId = v.AuthorId,
            AuthorName = v.AuthorName.Trim(),
            AuthorEmail = v.AuthorEmail.Trim().ToLowerInvariant(),
            Source = v.EventId is null ? IdeaSource.Portal : IdeaSource.Forum,
            Culture = Cultures.Current,
            Status = publish ? IdeaStatus.Published : IdeaStatus.Unconfirmed,
            PublishedAt = publish ? now : null,
            CreatedAt = now,
            UpdatedAt = now,
        };
        idea.SearchDocument = Idea.SearchDocumentFor(idea.Title, idea.Body);
        idea.History.Add(new IdeaHistoryEntry { At = now, Kind = IdeaHistoryKind.Submitted, ActorId = v.AuthorId });
        if (publish)
        {
            idea.History.Add(new IdeaHistoryEntry { At = now, Kind = IdeaHistoryKind.Published, ActorId = v.AuthorId });
        }
        else
        {
            var (token, hash) = LinkTokens.Create();
            idea.ConfirmTokenHash = hash;
            await mailer.QueueAsync(new EmailRecipient(idea.AuthorEmail!, idea.AuthorName, idea.Culture),
                new IdeaConfirmEmail(idea.Title, urls.Absolute(Links.Ideas.Confirm(token))),
                "idea.confirm", essential: true, ct: ct);
        }

        db.Ideas.Add(idea);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Idea {IdeaId} submitted ({Status})", idea.Id, idea.Status);
        return idea;
    }

    /// <summary>An idea collected on paper at a forum, entered by one of its organisers: published at
    /// once, dated when the forum began (that is when it was collected), with no address, so no
    /// mail is ever sent about it. The history says who entered it.</summary>
    public async Task<Idea> EnterFromPaperAsync(PaperIdeaValues v, Actor organiser, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var collected = v.ForumStartsAt < now ? v.ForumStartsAt : now;
        var idea = new Idea
        {
            Kind = v.Kind,
            Title = v.Title.Trim(),
            Body = v.Body.Trim(),
            TerritoryId = v.TerritoryId,
            ThemeId = v.ThemeId,
            EventId = v.EventId,
            ForumGroupId = v.ForumGroupId,
            AddressedTo = v.AddressedTo,
            AuthorName = string.IsNullOrWhiteSpace(v.AuthorName) ? IdeaText.ForumParticipant : v.AuthorName.Trim(),
            AuthorEmail = null,
            Source = IdeaSource.Forum,
            EnteredById = organiser.Id,
            Culture = Cultures.Current,
            Status = IdeaStatus.Published,
            CreatedAt = collected,
            PublishedAt = now,
            UpdatedAt = now,
        };
        idea.SearchDocument = Idea.SearchDocumentFor(idea.Title, idea.Body);
        idea.History.Add(new IdeaHistoryEntry { At = collected, Kind = IdeaHistoryKind.Submitted });
        idea.History.Add(organiser.Entry(0, now, IdeaHistoryKind.Entered, null));
        db.Ideas.Add(idea);
        await SaveAsync(ct);
        logger.LogInformation("Idea {IdeaId} entered from paper for forum {EventId} by {UserId}", idea.Id, v.EventId, organiser.Id);
        return idea;
    }

    /// <summary>The idea behind a confirmation link, without changing it.</summary>
    public Task<Idea?> FindByConfirmationAsync(string token, CancellationToken ct)
    {
        var hash = LinkTokens.Hash(token);
        return db.Ideas.AsNoTracking().SingleOrDefaultAsync(i => i.ConfirmTokenHash == hash, ct);
    }

    public bool CanBeConfirmed(Idea idea) => idea.Status == IdeaStatus.Unconfirmed && clock.GetUtcNow() - idea.CreatedAt <= ConfirmationValidity;

    /// <summary>Publishes the idea behind a confirmation link; the link works once. Null when the
    /// link is unknown, used or expired.</summary>
    public async Task<Idea?> ConfirmAsync(string token, CancellationToken ct)
    {
        var hash = LinkTokens.Hash(token);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Locked: of two clicks at once, the second waits and then finds the token gone.
        var idea = await db.Ideas.FromSql($"SELECT * FROM ideas WHERE confirm_token_hash = {hash} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (idea is null || idea.Status != IdeaStatus.Unconfirmed || now - idea.CreatedAt > ConfirmationValidity)
        {
            return null;
        }

        // The hash stays: the same link, opened again, leads to the published idea.
        idea.Status = IdeaStatus.Published;
        idea.PublishedAt = now;
        idea.UpdatedAt = now;
        db.IdeaHistory.Add(new IdeaHistoryEntry { IdeaId = idea.Id, At = now, Kind = IdeaHistoryKind.Published });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Idea {IdeaId} confirmed by e-mail and published", idea.Id);
        return idea;
    }

    /// <summary>Adds this person's support, once: the insert and the count change are one statement,
    /// and the count grows only when the insert happened. False when it already counted (or the
    /// idea is not published).</summary>
    public async Task<bool> SupportAsync(int ideaId, string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // FOR UPDATE: supports of one idea queue up behind a merge or a hide of it, which lock the row.
        var counted = await db.Database.ExecuteSqlAsync($"""
            WITH inserted AS (
                INSERT INTO idea_supports (idea_id, user_id, created_at)
                SELECT i.id, {userId}, {now} FROM ideas i WHERE i.id = {ideaId} AND i.status = 'Published' FOR UPDATE
                ON CONFLICT (idea_id, user_id) DO NOTHING
                RETURNING idea_id)
            UPDATE ideas SET support_count = support_count + 1
            FROM inserted WHERE ideas.id = inserted.idea_id
            """, ct);
        if (counted > 0)
        {
            // One statement of SQL, past the interceptor that evicts on save.
            await cache.EvictForAsync(typeof(IdeaSupport));
            logger.LogInformation("Idea {IdeaId} supported", ideaId);
        }

        return counted > 0;
    }

    public async Task HideAsync(Idea idea, string reason, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var wasPublic = idea.Status == IdeaStatus.Published;
        idea.Hide(reason, now);
        db.IdeaHistory.Add(actor.Entry(idea.Id, now, IdeaHistoryKind.Hidden, idea.HiddenReason));
        if (wasPublic && idea.AuthorCanBeMailed)
        {
            // The author hears why, in their language.
            await mailer.QueueAsync(new EmailRecipient(idea.AuthorEmail!, idea.AuthorName, idea.Culture),
                new IdeaHiddenEmail(idea.Title, idea.HiddenReason),
                "idea.hidden", essential: true, ct: ct);
        }

        await SaveAsync(ct);
        logger.LogInformation("Idea {IdeaId} hidden by {UserId}", idea.Id, actor.Id);
    }

    public async Task RestoreAsync(Idea idea, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        idea.Restore(now);
        db.IdeaHistory.Add(actor.Entry(idea.Id, now, IdeaHistoryKind.Restored, null));
        await SaveAsync(ct);
        logger.LogInformation("Idea {IdeaId} restored by {UserId}", idea.Id, actor.Id);
    }

    /// <summary>Merges a duplicate into another idea. Both rows are locked; the duplicate's supports
    /// move over unless the same person already supports the target, and the target's count is
    /// recounted from the supports, so nobody counts twice. Ideas merged earlier into the duplicate
    /// now point at the target. False when either idea cannot take part.</summary>
    public async Task<bool> MergeAsync(int sourceId, int targetId, Actor actor, CancellationToken ct)
    {
        if (sourceId == targetId)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var locked = await db.Ideas.FromSql($"SELECT * FROM ideas WHERE id IN ({sourceId}, {targetId}) ORDER BY id FOR UPDATE").ToListAsync(ct);
        var source = locked.SingleOrDefault(i => i.Id == sourceId);
        var target = locked.SingleOrDefault(i => i.Id == targetId);
        if (source is null || target is null || source.Status == IdeaStatus.Merged || target.Status != IdeaStatus.Published)
        {
            return false;
        }

        await db.IdeaSupports
            .Where(s => s.IdeaId == sourceId && (s.UserId == null || !db.IdeaSupports.Any(t => t.IdeaId == targetId && t.UserId == s.UserId)))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.IdeaId, targetId), ct);
        await db.IdeaSupports.Where(s => s.IdeaId == sourceId).ExecuteDeleteAsync(ct);
        await db.Ideas.Where(i => i.MergedIntoId == sourceId).ExecuteUpdateAsync(s => s.SetProperty(i => i.MergedIntoId, targetId), ct);
        var now = clock.GetUtcNow();
        target.SupportCount = await db.IdeaSupports.CountAsync(s => s.IdeaId == targetId, ct);
        target.UpdatedAt = now;
        source.SupportCount = 0;
        source.Status = IdeaStatus.Merged;
        source.MergedIntoId = targetId;
        source.ConfirmTokenHash = null;
        source.UpdatedAt = now;
        var intoTarget = actor.Entry(sourceId, now, IdeaHistoryKind.Merged, null);
        intoTarget.RelatedIdeaId = targetId;
        var fromSource = actor.Entry(targetId, now, IdeaHistoryKind.Merged, null);
        fromSource.RelatedIdeaId = sourceId;
        db.IdeaHistory.AddRange(intoTarget, fromSource);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Idea {IdeaId} merged into {TargetId} by {UserId}", sourceId, targetId, actor.Id);
        return true;
    }

    /// <summary>Links the idea to a forum (and one of its groups), or unlinks it.</summary>
    public async Task LinkAsync(Idea idea, ForumOption? forum, int? groupId, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        idea.EventId = forum?.Id;
        idea.ForumGroupId = forum is null ? null : groupId;
        idea.UpdatedAt = now;
        var group = forum?.Groups.FirstOrDefault(g => g.Id == groupId).Name;
        db.IdeaHistory.Add(actor.Entry(idea.Id, now, IdeaHistoryKind.LinkedToForum,
            forum is null ? null : group is null ? forum.Title : $"{forum.Title} — {group}"));
        await SaveAsync(ct);
        logger.LogInformation("Idea {IdeaId} linked to forum {EventId} by {UserId}", idea.Id, forum?.Id, actor.Id);
    }

    /// <summary>The municipality's answer: status, public reply, a history entry, and an e-mail to
    /// the author and every supporter in their own language, all committed together. "Done" also
    /// marks the idea implemented by the municipality today, unless it is marked already. The answer is
    /// signed by the municipality; the employee's name is shown only when <paramref name="showName"/>.</summary>
    public async Task<int> AnswerAsync(Idea idea, IdeaResponse response, string? reply, Actor actor, bool showName, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        idea.Answer(response, reply, now);
        reply = string.IsNullOrWhiteSpace(reply) ? null : reply.Trim();
        var entry = actor.Entry(idea.Id, now, IdeaHistoryKind.Answered, reply);
        entry.Response = response;
        entry.ActorNameHidden = !showName;
        db.IdeaHistory.Add(entry);
        if (idea.AnswerMarksImplemented(response))
        {
            Implement(idea, new Implementation(RigaToday(), IdeaImplementer.Municipality, null, null, null), actor, now);
        }

        var supporters = await db.IdeaSupports.Where(s => s.IdeaId == idea.Id && s.UserId != null)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { u.Email, u.DisplayName, u.PreferredCulture })
            .ToListAsync(ct);
        var link = urls.Absolute(Links.Ideas.Show(idea.Id));
        var sent = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (idea.AuthorCanBeMailed && sent.Add(idea.AuthorEmail!))
        {
            await mailer.QueueAsync(new EmailRecipient(idea.AuthorEmail!, idea.AuthorName, idea.Culture),
                new IdeaAnswerEmail(idea.Title, response, reply, ToAuthor: true, link),
                "idea.answer", essential: true, ct: ct);
        }

        var others = supporters.Where(s => s.Email is not null && sent.Add(s.Email)).ToList();
        await mailer.PreloadSuppressionsAsync(others.Select(s => s.Email!), ct);
        foreach (var s in others)
        {
            // Supporters asked for nothing: they get an unsubscribe link.
            await mailer.QueueAsync(new EmailRecipient(s.Email!, s.DisplayName, s.PreferredCulture),
                new IdeaAnswerEmail(idea.Title, response, reply, ToAuthor: false, link),
                "idea.answer", essential: false, ct: ct);
        }

        await SaveAsync(ct);
        logger.LogInformation("Idea {IdeaId} answered {Response} by {UserId}; {Count} people told", idea.Id, response, actor.Id, sent.Count);
        return sent.Count;
    }

    /// <summary>Marks the idea carried out (on a day, by whom), with a history entry naming the
    /// person who marked it; marking it again replaces the day and who.</summary>
    public async Task MarkImplementedAsync(Idea idea, Implementation implementation, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        Implement(idea, implementation, actor, now);
        idea.UpdatedAt = now;
        await SaveAsync(ct);
        logger.LogInformation("Idea {IdeaId} marked implemented ({ImplementedBy}) by {UserId}", idea.Id, implementation.By, actor.Id);
    }

    /// <summary>Takes a mistaken "implemented" mark back; the history keeps both.</summary>
    public async Task UndoImplementedAsync(Idea idea, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        idea.ClearImplemented();
        idea.UpdatedAt = now;
        db.IdeaHistory.Add(actor.Entry(idea.Id, now, IdeaHistoryKind.ImplementedUndone, null));
        await SaveAsync(ct);
        logger.LogInformation("Idea {IdeaId} implemented mark undone by {UserId}", idea.Id, actor.Id);
    }

    /// <summary>Today in Riga, the day implementations are dated by.</summary>
    public DateOnly RigaToday() => DateOnly.FromDateTime(clock.GetUtcNow().ToRiga().DateTime);

    private void Implement(Idea idea, Implementation implementation, Actor actor, DateTimeOffset now)
    {
        idea.MarkImplemented(implementation.On, implementation.By, implementation.CommunityId);
        var entry = actor.Entry(idea.Id, now, IdeaHistoryKind.Implemented, string.IsNullOrWhiteSpace(implementation.Note) ? null : implementation.Note.Trim());
        entry.ImplementedOn = implementation.On;
        entry.ImplementedBy = implementation.By;
        entry.ImplementedByName = implementation.CommunityName;
        db.IdeaHistory.Add(entry);
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Who acts on an idea, as history shows them.</summary>
public sealed record Actor(string? Id, string Name)
{
    /// <summary>The signed-in person, by the display name the session carries.</summary>
    public static Actor Of(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindFirstValue(AppClaimsPrincipalFactory.DisplayNameClaim) ?? user.Identity!.Name!);

    public IdeaHistoryEntry Entry(int ideaId, DateTimeOffset at, IdeaHistoryKind kind, string? text) =>
        new() { IdeaId = ideaId, At = at, Kind = kind, Text = text, ActorId = Id, ActorName = Name };
}
