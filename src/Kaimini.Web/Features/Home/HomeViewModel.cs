using Kaimini.Web.Features.Territories;

namespace Kaimini.Web.Features.Home;

public sealed record HomeViewModel(IReadOnlyList<NovadsSummary> Novadi, IReadOnlyList<TerritoryLink> FormerNovadi,
    IReadOnlyList<Events.EventCard> Events, IReadOnlyList<HomeIdea> Ideas);

public sealed record HomeIdea(int Id, string Title, int Supports, int TerritoryId)
{
    public string Place { get; init; } = "";
}

/// <summary>A current novads with its towns and parishes, and the former novadi it took in.</summary>
public sealed record NovadsSummary(TerritoryLink Novads, IReadOnlyList<TerritoryLink> Units, IReadOnlyList<TerritoryLink> FormerNovadi);
