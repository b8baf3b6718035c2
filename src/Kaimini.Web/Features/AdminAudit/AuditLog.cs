using System.Text.Json;
using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Features.Shared;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.AdminAudit;

/// <summary>Reads the audit log for /admin/audit: a page of entries, newest first, with who acted and
/// the community concerned, filtered by kind, who and day.</summary>
public class AuditLog(AppDbContext db)
{
    private const int PageSize = 50;

    /// <summary>The kinds of record the log holds, in the order the filter offers them.</summary>
    public static readonly IReadOnlyList<string> EntityTypes = [nameof(Community), nameof(AppUser), nameof(PopulationFigure), "Report"];

    public async Task<PagedList<AuditRow>> PageAsync(AuditFilter filter, int? page, CancellationToken ct)
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
                // Scalars, each an index probe (an object's FirstOrDefault joins every row of the table, numbered).
                WhoName = db.Users.Where(u => u.Id == a.UserId).Select(u => u.DisplayName).FirstOrDefault(),
                WhoEmail = db.Users.Where(u => u.Id == a.UserId).Select(u => u.Email).FirstOrDefault(),
                a.EntityType,
                a.EntityId,
                a.Action,
                a.Changes,
                CommunityName = a.EntityType == nameof(Community)
                    ? db.Communities.Where(c => c.Id.ToString() == a.EntityId).Select(c => c.Name).FirstOrDefault()
                    : null,
                CommunitySlug = a.EntityType == nameof(Community)
                    ? db.Communities.Where(c => c.Id.ToString() == a.EntityId).Select(c => c.Slug).FirstOrDefault()
                    : null,
            })
            .ToListAsync(ct);
        var items = rows.Select(r => new AuditRow(r.At, r.UserId, r.WhoName, r.WhoEmail, r.EntityType, r.EntityId,
            r.CommunityName, r.CommunitySlug, r.Action, AuditChange.Parse(r.Changes))).ToList();
        return new PagedList<AuditRow>(items, current, PageSize, total);
    }
}
