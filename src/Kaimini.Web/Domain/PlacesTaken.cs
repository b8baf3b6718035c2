namespace Kaimini.Web.Domain;

/// <summary>Confirmed places of an event by participant type, and whether one more fits: within the
/// capacity, and within the quota of the person's side (study trips: NGOs and municipality staff).</summary>
public sealed class PlacesTaken(IReadOnlyDictionary<ParticipantType, int> byType)
{
    public int Total { get; } = byType.Values.Sum();

    public int Of(ParticipantType type) => byType.GetValueOrDefault(type);

    /// <summary>With a capacity, a quota keeps that many places for its side: the side fills its own
    /// places first and may then take free ones, while nobody else can take them. Without a
    /// capacity a quota is simply that side's limit.</summary>
    public bool HasRoomFor(Event ev, ParticipantType type)
    {
        var quota = QuotaOf(ev, type);
        if (ev.Capacity is not { } capacity)
        {
            return quota is not { } limit || Of(type) < limit;
        }

        if (Total >= capacity)
        {
            return false;
        }

        if (quota is { } own && Of(type) < own)
        {
            return true;
        }

        // Otherwise only an unreserved place will do.
        var reserved = Enum.GetValues<ParticipantType>().Sum(t => QuotaOf(ev, t) ?? 0);
        var unreservedTaken = Enum.GetValues<ParticipantType>().Sum(t => Math.Max(0, Of(t) - (QuotaOf(ev, t) ?? 0)));
        return unreservedTaken < capacity - reserved;
    }

    private static int? QuotaOf(Event ev, ParticipantType type) => type switch
    {
        ParticipantType.NgoRepresentative => ev.NgoQuota,
        ParticipantType.MunicipalityStaff => ev.MunicipalityQuota,
        _ => null,
    };

    public PlacesTaken With(ParticipantType type)
    {
        var copy = Enum.GetValues<ParticipantType>().ToDictionary(t => t, Of);
        copy[type]++;
        return new PlacesTaken(copy);
    }
}
