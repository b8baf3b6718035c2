namespace Kaimini.Web.Data.Seed;

/// <summary>How much <see cref="ScaleSeeder"/> writes. <see cref="Latvia"/> is what
/// <c>./kaimini seed --scale latvia</c> and the benchmark use; tests seed a small country.</summary>
public sealed record ScaleTargets(
    int Communities,
    int Leaders,
    int ResidentAccounts,
    int Events,
    int People,
    int Registrations,
    int Ideas,
    int Supports,
    int News = 0,
    int Follows = 0,
    int CooperationPosts = 0)
{
    /// <summary>About 20,000 communities with 40,000 leaders, 60,000 residents with accounts, and four
    /// years of 12,000 events, 500,000 registrations of 150,000 people, 200,000 ideas and 1,000,000
    /// supports; 100,000 community news items, 300,000 follows and a year of 30,000 cooperation posts.</summary>
    public static readonly ScaleTargets Latvia = new(20_000, 40_000, 60_000, 12_000, 150_000, 500_000, 200_000, 1_000_000, 100_000, 300_000, 30_000);

    /// <summary>The years of events and ideas, back from today.</summary>
    public const int Years = 4;
}
