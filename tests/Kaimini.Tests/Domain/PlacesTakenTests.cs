using Kaimini.Web.Domain;

namespace Kaimini.Tests.Domain;

/// <summary>Places per participant type: the capacity, and the places study trips keep for NGO
/// representatives and municipality staff.</summary>
public class PlacesTakenTests
{
    private static Event Trip(int? capacity, int? ngoQuota = null, int? municipalityQuota = null) => new()
    {
        Slug = "brauciens",
        Title = "Pieredzes brauciens",
        Venue = "Autobuss",
        Kind = EventKind.StudyTrip,
        Capacity = capacity,
        NgoQuota = ngoQuota,
        MunicipalityQuota = municipalityQuota,
    };

    private static PlacesTaken Taken(int residents = 0, int ngo = 0, int municipality = 0, int other = 0) => new(new Dictionary<ParticipantType, int>
    {
        [ParticipantType.Resident] = residents,
        [ParticipantType.NgoRepresentative] = ngo,
        [ParticipantType.MunicipalityStaff] = municipality,
        [ParticipantType.Other] = other,
    });

    [Fact]
    public void Without_a_capacity_or_quota_everyone_fits()
    {
        var places = Taken(residents: 500, ngo: 40);

        Assert.All(Enum.GetValues<ParticipantType>(), t => Assert.True(places.HasRoomFor(Trip(null), t)));
    }

    [Fact]
    public void A_full_event_has_no_room_for_anyone()
    {
        var ev = Trip(capacity: 3);
        var places = Taken(residents: 2, other: 1);

        Assert.Equal(3, places.Total);
        Assert.All(Enum.GetValues<ParticipantType>(), t => Assert.False(places.HasRoomFor(ev, t)));
    }

    [Fact]
    public void Without_a_capacity_a_quota_is_that_side_s_limit()
    {
        var ev = Trip(capacity: null, ngoQuota: 2);

        Assert.True(Taken(ngo: 1).HasRoomFor(ev, ParticipantType.NgoRepresentative));
        Assert.False(Taken(ngo: 2).HasRoomFor(ev, ParticipantType.NgoRepresentative));
        Assert.True(Taken(ngo: 2, residents: 100).HasRoomFor(ev, ParticipantType.Resident));
    }

    [Fact]
    public void Kept_places_are_not_given_to_the_other_sides()
    {
        // 10 places, 3 kept for NGOs and 2 for the municipality: 5 for everyone.
        var ev = Trip(capacity: 10, ngoQuota: 3, municipalityQuota: 2);
        var places = Taken(residents: 4, other: 1);

        Assert.False(places.HasRoomFor(ev, ParticipantType.Resident));
        Assert.False(places.HasRoomFor(ev, ParticipantType.Other));
        Assert.True(places.HasRoomFor(ev, ParticipantType.NgoRepresentative));
        Assert.True(places.HasRoomFor(ev, ParticipantType.MunicipalityStaff));
    }

    [Fact]
    public void A_side_that_filled_its_kept_places_may_take_free_ones()
    {
        // 10 places, 3 kept for NGOs and 2 for the municipality: 5 for everyone.
        var ev = Trip(capacity: 10, ngoQuota: 3, municipalityQuota: 2);

        Assert.True(Taken(ngo: 3, residents: 4).HasRoomFor(ev, ParticipantType.NgoRepresentative));
        Assert.False(Taken(ngo: 3, residents: 5).HasRoomFor(ev, ParticipantType.NgoRepresentative));

        // Two NGO representatives beyond their three took free places: three residents fill the rest.
        var places = Taken(ngo: 5, residents: 3);
        Assert.False(places.HasRoomFor(ev, ParticipantType.Resident));
        Assert.True(places.HasRoomFor(ev, ParticipantType.MunicipalityStaff));
    }

    [Fact]
    public void A_side_under_its_quota_fits_while_the_event_has_any_place()
    {
        var ev = Trip(capacity: 10, ngoQuota: 3, municipalityQuota: 2);
        var places = Taken(residents: 5, municipality: 2, ngo: 2);

        Assert.True(places.HasRoomFor(ev, ParticipantType.NgoRepresentative));
        Assert.False(places.HasRoomFor(ev, ParticipantType.MunicipalityStaff));
        Assert.False(places.With(ParticipantType.NgoRepresentative).HasRoomFor(ev, ParticipantType.NgoRepresentative));
    }

    [Fact]
    public void One_more_place_counts_for_its_type_only()
    {
        var places = Taken(residents: 2, ngo: 1);

        var more = places.With(ParticipantType.MunicipalityStaff);

        Assert.Equal(4, more.Total);
        Assert.Equal(1, more.Of(ParticipantType.MunicipalityStaff));
        Assert.Equal(2, more.Of(ParticipantType.Resident));
        Assert.Equal(0, places.Of(ParticipantType.MunicipalityStaff));
        Assert.Equal(0, new PlacesTaken(new Dictionary<ParticipantType, int>()).Of(ParticipantType.Other));
    }
}
