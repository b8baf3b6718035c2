using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;

namespace Kaimini.Web.Features.Shared.Emails;

/// <summary>What mail about an event says of it: the title (in the recipient's language when the
/// event has one), the start in Riga time and the place.</summary>
public sealed record EventFacts(LocalText Title, DateTimeOffset StartsAt, string Location)
{
    public static EventFacts Of(Event ev) => new(ev.LocalTitle(), ev.StartsAt.ToRiga(), ev.Location);
}
