using System.Xml.Linq;
using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;

namespace Kaimini.Tests.Domain;

/// <summary>Every value of a domain enum that the portal shows has a Latvian and an English text.
/// Most are looked up as "Type.Value" (<c>T[$"EventKind.{kind}"]</c>); a new enum must be added to
/// one of the lists below, so nobody forgets its texts.</summary>
public class EnumTranslationTests
{
    private static readonly Dictionary<Type, Func<string, IEnumerable<string>>> Shown = new()
    {
        [typeof(CommunityStatus)] = Named("CommunityStatus"),
        [typeof(MembershipRole)] = Named("MembershipRole"),
        [typeof(LegalForm)] = Named("LegalForm"),
        [typeof(TerritoryKind)] = Named("TerritoryKind"),
        [typeof(EventKind)] = Named("EventKind"),
        [typeof(EventAudience)] = Named("EventAudience"),
        [typeof(EventStatus)] = Named("EventStatus"),
        [typeof(RegistrationStatus)] = Named("RegistrationStatus"),
        [typeof(ParticipantType)] = Named("ParticipantType"),
        [typeof(IdeaKind)] = Named("IdeaKind"),
        [typeof(IdeaAddressee)] = Named("IdeaAddressee"),
        [typeof(IdeaStatus)] = Named("IdeaStatus"),
        [typeof(IdeaResponse)] = Named("IdeaResponse"),
        [typeof(IdeaImplementer)] = Named("IdeaImplementer"),
        [typeof(InvitationStatus)] = Named("InvitationStatus"),
        [typeof(OutboxStatus)] = Named("OutboxStatus"),
        [typeof(CooperationDirection)] = Named("CooperationDirection"),
        [typeof(CooperationKind)] = Named("CooperationKind"),
        [typeof(CooperationStatus)] = Named("CooperationStatus"),
        // The event page lists the organising partnerships by flag; None is never listed.
        [typeof(Partnerships)] = v => v == nameof(Partnerships.None) ? [] : [$"Partnership.{v}"],
        [typeof(IdeaSource)] = v => [$"Reports.IdeaSource.{v}"],
        // A form's point on the map that cannot be stored says why.
        [typeof(GeoPointProblem)] = v => [$"Validation.GeoPoint.{v}"],
        [typeof(ParticipantClass)] = v => [$"Reports.Participant.{v}"],
        // A merge shows on both ideas, each with its own text.
        [typeof(IdeaHistoryKind)] = v => v == nameof(IdeaHistoryKind.Merged)
            ? ["IdeaHistory.MergedFrom", "IdeaHistory.MergedInto"]
            : [$"IdeaHistory.{v}"],
    };

    /// <summary>Enums the portal never shows by value.</summary>
    private static readonly HashSet<Type> NotShown =
    [
        typeof(CoOrganiserRequestStatus), typeof(InvitationPurpose), typeof(SignUpWindow), typeof(AnswerProblem), typeof(BulkSendKind),
        typeof(ImplementedOnProblem), typeof(IdeaAnswerStage), typeof(FollowKind),
    ];

    private static Func<string, IEnumerable<string>> Named(string prefix) => v => [$"{prefix}.{v}"];

    private static HashSet<string> Keys(string culture) =>
        XDocument.Load(Path.Combine(RepositoryFiles.WebProject, "Resources", $"SharedResource.{culture}.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    [Fact]
    public void Every_domain_enum_is_either_shown_with_texts_or_known_not_to_be()
    {
        var enums = typeof(Event).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic && t.Namespace == typeof(Event).Namespace).ToList();
        var undecided = enums.Where(t => !Shown.ContainsKey(t) && !NotShown.Contains(t)).Select(t => t.Name).Order().ToList();

        Assert.True(enums.Count > 15, $"Only {enums.Count} domain enums found: the scan is broken.");
        Assert.True(undecided.Count == 0, "Domain enums neither shown nor listed as not shown: " + string.Join(", ", undecided));
    }

    [Theory]
    [InlineData("lv")]
    [InlineData("en")]
    public void Every_value_of_a_shown_enum_has_a_text(string culture)
    {
        var keys = Keys(culture);
        var missing = Shown
            .SelectMany(p => Enum.GetNames(p.Key).SelectMany(p.Value))
            .Where(k => !keys.Contains(k))
            .Order().ToList();

        Assert.True(missing.Count == 0, $"Enum values without a {culture} text: " + string.Join(", ", missing));
    }
}
