namespace Kaimini.Web.Features.Reports;

/// <summary>The project's three aims, which the reports answer to.</summary>
public enum Aim
{
    /// <summary>NGO capacity and cooperation between NGOs.</summary>
    NgoCapacity = 1,

    /// <summary>Residents taking part: forums, events, ideas.</summary>
    Participation = 2,

    /// <summary>Cooperation between NGOs, residents and the municipality.</summary>
    Cooperation = 3,
}

/// <summary>Which territory a figure is counted in when a territory is chosen.</summary>
public enum TerritoryBasis
{
    /// <summary>People by where they live (the place given when signing up).</summary>
    Home,

    /// <summary>Events by their venue.</summary>
    Venue,

    /// <summary>Ideas by the place they concern.</summary>
    IdeaPlace,

    /// <summary>Communities by their place in the directory.</summary>
    CommunityPlace,
}

/// <summary>How a value is written: a count, a percentage or a number of days.</summary>
public enum MeasureKind
{
    Count,
    Percent,
    Days,

    /// <summary>A rate per 1,000 residents, to one decimal.</summary>
    PerThousand,
}

/// <summary>One indicator: its key (resx <c>Reports.Indicator.{Key}</c> for the name and
/// <c>Reports.Indicator.{Key}.Definition</c> for the short definition, in Latvian and English), the
/// aim it serves, what it counts and which territory counts.</summary>
public sealed record Indicator(string Key, Aim Aim, FigureUnit Unit, TerritoryBasis Basis, MeasureKind Measure = MeasureKind.Count)
{
    public string NameKey => $"Reports.Indicator.{Key}";
    public string DefinitionKey => $"Reports.Indicator.{Key}.Definition";
    public string BasisKey => $"Reports.Basis.{Basis}";
}

/// <summary>Every indicator the reports and the public results page show, in one place: the pages,
/// the definitions beside each figure and the list in docs/architecture.md come from here.</summary>
public static class Indicators
{
    // Aim 1: NGO capacity and cooperation.
    public static readonly Indicator Communities = new(nameof(Communities), Aim.NgoCapacity, FigureUnit.Organisations, TerritoryBasis.CommunityPlace);
    public static readonly Indicator NewCommunities = new(nameof(NewCommunities), Aim.NgoCapacity, FigureUnit.Organisations, TerritoryBasis.CommunityPlace);
    public static readonly Indicator ActiveCommunities = new(nameof(ActiveCommunities), Aim.NgoCapacity, FigureUnit.Organisations, TerritoryBasis.CommunityPlace);
    public static readonly Indicator LeadersListed = new(nameof(LeadersListed), Aim.NgoCapacity, FigureUnit.People, TerritoryBasis.Home);
    public static readonly Indicator OrganisationsReached = new(nameof(OrganisationsReached), Aim.NgoCapacity, FigureUnit.Organisations, TerritoryBasis.CommunityPlace);
    public static readonly Indicator FirstTimeOrganisations = new(nameof(FirstTimeOrganisations), Aim.NgoCapacity, FigureUnit.Organisations, TerritoryBasis.CommunityPlace);
    public static readonly Indicator CooperationTies = new(nameof(CooperationTies), Aim.NgoCapacity, FigureUnit.Organisations, TerritoryBasis.Venue);
    public static readonly Indicator LeadersTrained = new(nameof(LeadersTrained), Aim.NgoCapacity, FigureUnit.People, TerritoryBasis.Home);
    public static readonly Indicator TrainingDays = new(nameof(TrainingDays), Aim.NgoCapacity, FigureUnit.People, TerritoryBasis.Home);

    // Aim 2: residents taking part.
    public static readonly Indicator EventsHeld = new(nameof(EventsHeld), Aim.Participation, FigureUnit.Events, TerritoryBasis.Venue);
    public static readonly Indicator Registrations = new(nameof(Registrations), Aim.Participation, FigureUnit.People, TerritoryBasis.Venue);
    public static readonly Indicator Attended = new(nameof(Attended), Aim.Participation, FigureUnit.People, TerritoryBasis.Venue);
    public static readonly Indicator NoShows = new(nameof(NoShows), Aim.Participation, FigureUnit.People, TerritoryBasis.Venue);
    public static readonly Indicator WalkIns = new(nameof(WalkIns), Aim.Participation, FigureUnit.People, TerritoryBasis.Venue);
    public static readonly Indicator CapacityUsed = new(nameof(CapacityUsed), Aim.Participation, FigureUnit.Measure, TerritoryBasis.Venue, MeasureKind.Percent);
    public static readonly Indicator UniqueParticipants = new(nameof(UniqueParticipants), Aim.Participation, FigureUnit.People, TerritoryBasis.Home);
    public static readonly Indicator Attendances = new(nameof(Attendances), Aim.Participation, FigureUnit.People, TerritoryBasis.Home);
    public static readonly Indicator NewParticipants = new(nameof(NewParticipants), Aim.Participation, FigureUnit.People, TerritoryBasis.Home);
    public static readonly Indicator ReturningParticipants = new(nameof(ReturningParticipants), Aim.Participation, FigureUnit.People, TerritoryBasis.Home);
    public static readonly Indicator ParticipantsPer1000 = new(nameof(ParticipantsPer1000), Aim.Participation, FigureUnit.Measure, TerritoryBasis.Home, MeasureKind.PerThousand);
    public static readonly Indicator IdeasCollected = new(nameof(IdeasCollected), Aim.Participation, FigureUnit.Ideas, TerritoryBasis.IdeaPlace);
    public static readonly Indicator Supports = new(nameof(Supports), Aim.Participation, FigureUnit.People, TerritoryBasis.IdeaPlace);
    public static readonly Indicator Supporters = new(nameof(Supporters), Aim.Participation, FigureUnit.People, TerritoryBasis.IdeaPlace);

    // Aim 3: cooperation with the municipality.
    public static readonly Indicator StaffTookPart = new(nameof(StaffTookPart), Aim.Cooperation, FigureUnit.People, TerritoryBasis.Home);
    public static readonly Indicator IdeasToMunicipality = new(nameof(IdeasToMunicipality), Aim.Cooperation, FigureUnit.Ideas, TerritoryBasis.IdeaPlace);
    public static readonly Indicator IdeasAnswered = new(nameof(IdeasAnswered), Aim.Cooperation, FigureUnit.Ideas, TerritoryBasis.IdeaPlace);
    public static readonly Indicator AnswerRate = new(nameof(AnswerRate), Aim.Cooperation, FigureUnit.Measure, TerritoryBasis.IdeaPlace, MeasureKind.Percent);
    public static readonly Indicator MedianDaysToAnswer = new(nameof(MedianDaysToAnswer), Aim.Cooperation, FigureUnit.Measure, TerritoryBasis.IdeaPlace, MeasureKind.Days);
    public static readonly Indicator AnsweredWithin30Days = new(nameof(AnsweredWithin30Days), Aim.Cooperation, FigureUnit.Measure, TerritoryBasis.IdeaPlace, MeasureKind.Percent);
    public static readonly Indicator IdeasAccepted = new(nameof(IdeasAccepted), Aim.Cooperation, FigureUnit.Ideas, TerritoryBasis.IdeaPlace);
    public static readonly Indicator IdeasImplemented = new(nameof(IdeasImplemented), Aim.Cooperation, FigureUnit.Ideas, TerritoryBasis.IdeaPlace);
    public static readonly Indicator IdeasImplementedInPeriod = new(nameof(IdeasImplementedInPeriod), Aim.Cooperation, FigureUnit.Ideas, TerritoryBasis.IdeaPlace);

    public static readonly IReadOnlyList<Indicator> All =
    [
        Communities, NewCommunities, ActiveCommunities, LeadersListed, OrganisationsReached, FirstTimeOrganisations, CooperationTies,
        LeadersTrained, TrainingDays,
        EventsHeld, Registrations, Attended, NoShows, WalkIns, CapacityUsed, UniqueParticipants, Attendances, NewParticipants, ReturningParticipants,
        ParticipantsPer1000,
        IdeasCollected, Supports, Supporters,
        StaffTookPart, IdeasToMunicipality, IdeasAnswered, AnswerRate, MedianDaysToAnswer, AnsweredWithin30Days, IdeasAccepted, IdeasImplemented,
        IdeasImplementedInPeriod,
    ];

    public static IEnumerable<Indicator> For(Aim aim) => All.Where(i => i.Aim == aim);
}
