using System.Text.Json;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Auth;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.AdminAudit;

/// <summary>/admin/audit: administrators read the audit log, newest first, filtered by what was
/// changed, by whom and when: community changes and moderation, role and lockout changes, population
/// imports and report exports.</summary>
[Route("admin/audit")]
[Authorize(Policy = Policies.Administrator)]
public class AdminAuditController(AppDbContext db) : Controller
{
    private const int PageSize = 50;

    /// <summary>The kinds of record the log holds, in the order the filter offers them.</summary>
    public static readonly IReadOnlyList<string> EntityTypes = [nameof(Community), nameof(AppUser), nameof(PopulationFigure), "Report"];

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AuditFilter filter, int? page, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (filter.Type is { } type && EntityTypes.Contains(type))
        {
            query = query.Where(a => a.EntityType == type);
        }

        if (filter.From is { } from)
        {
            var start = RigaTime.FromRiga(from.ToDateTime(TimeOnly.MinValue));
            query = query.Where(a => a.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = RigaTime.FromRiga(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(a => a.At < end);
        }

        if (filter.Who?.Trim() is { Length: > 0 } who)
        {
            var pattern = "%" + who.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(a => db.Users.Any(u => u.Id == a.UserId && (EF.Functions.ILike(u.Email!, pattern) || EF.Functions.ILike(u.DisplayName, pattern))));
        }

        var current = PagedList<AuditRow>.Normalize(page);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip((current - 1) * PageSize).Take(PageSize)
            .Select(a => new
            {
                a.At,
                a.UserId,
                Who = db.Users.Where(u => u.Id == a.UserId).Select(u => new { u.DisplayName, u.Email }).FirstOrDefault(),
                a.EntityType,
                a.EntityId,
                a.Action,
                a.Changes,
                Community = a.EntityType == nameof(Community)
                    ? db.Communities.Where(c => c.Id.ToString() == a.EntityId).Select(c => new { c.Name, c.Slug }).FirstOrDefault()
                    : null,
            })
            .ToListAsync(ct);
        var items = rows.Select(r => new AuditRow(r.At, r.UserId, r.Who?.DisplayName, r.Who?.Email, r.EntityType, r.EntityId,
            r.Community?.Name, r.Community?.Slug, r.Action, Changes(r.Changes))).ToList();
        return View(new AuditViewModel(filter, new PagedList<AuditRow>(items, current, PageSize, total)));
    }

    /// <summary>{"Name": ["old", "new"]} as field, old and new text; anything else as it is.</summary>
    private static IReadOnlyList<AuditChange> Changes(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            return [new AuditChange("", null, json, Pair: false)];
        }

        return doc.RootElement.EnumerateObject().Select(p => p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() == 2
                ? new AuditChange(p.Name, Text(p.Value[0]), Text(p.Value[1]), Pair: true)
                : new AuditChange(p.Name, null, Text(p.Value), Pair: false))
            .ToList();

        static string? Text(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => e.GetString(),
            _ => e.GetRawText(),
        };
    }
}

public sealed class AuditFilter
{
    public string? Type { get; set; }
    public string? Who { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
}

/// <summary>A changed field (<paramref name="Pair"/>: before and after) or a recorded value.</summary>
public sealed record AuditChange(string Field, string? Before, string? After, bool Pair);

public sealed record AuditRow(DateTimeOffset At, string? UserId, string? WhoName, string? WhoEmail, string EntityType, string EntityId,
    string? CommunityName, string? CommunitySlug, string Action, IReadOnlyList<AuditChange> Changes);

public sealed record AuditViewModel(AuditFilter Filter, PagedList<AuditRow> Entries);
