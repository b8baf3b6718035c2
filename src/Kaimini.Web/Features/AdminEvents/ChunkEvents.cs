using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.AdminEvents;

/// <summary>The events a chunk's sends are for, read once per chunk.</summary>
public class ChunkEvents(AppDbContext db)
{
    private readonly Dictionary<int, Event?> _events = [];

    public async Task<Event?> FindAsync(int? id, CancellationToken ct)
    {
        if (id is not { } eventId)
        {
            return null;
        }

        if (!_events.TryGetValue(eventId, out var ev))
        {
            ev = await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId, ct);
            _events[eventId] = ev;
        }

        return ev;
    }
}
