using Kaimini.Web.Domain;

namespace Kaimini.Tests.Domain;

public class LeaderProfileTests
{
    private static readonly DateTimeOffset Now = new(2027, 2, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_search_document_folds_the_name_the_bio_and_the_place()
    {
        var profile = new LeaderProfile { UserId = "user-1", Bio = "Rūpējos par Ķekavas parku" };

        profile.RefreshSearchDocument("Anna Bērziņa", ["Ķekava", "Ķekavas novads"]);

        Assert.Equal(SearchText.Fold("Anna Bērziņa Rūpējos par Ķekavas parku Ķekava Ķekavas novads"), profile.SearchDocument);
        Assert.Contains("kekavas", profile.SearchDocument);
    }

    [Fact]
    public void Consent_is_recorded_when_given_and_when_withdrawn()
    {
        var profile = new LeaderProfile { UserId = "user-1" };

        profile.SetConsent(true, Now);
        Assert.True(profile.IsPublic);
        Assert.Equal(Now, profile.ConsentGivenAt);
        Assert.Equal(LeaderProfile.ConsentVersion, profile.ConsentGivenVersion);

        profile.SetConsent(false, Now.AddDays(1));
        Assert.False(profile.IsPublic);
        Assert.Equal(Now.AddDays(1), profile.ConsentWithdrawnAt);
        Assert.Equal(Now, profile.ConsentGivenAt);
    }
}
