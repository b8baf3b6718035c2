using Kaimini.Web.Domain;

namespace Kaimini.Web.Data.Seed;

/// <summary>The places of the scale data, drawn with weights: towns hold more people and events than
/// parishes, parishes more than villages, and few give only their novads.</summary>
internal sealed class ScalePlaces
{
    private readonly TerritoryInfo[] _units;
    private readonly double[] _cumulative;
    private readonly Dictionary<int, (TerritoryInfo[] Units, double[] Cumulative)> _byNovads;

    public ScalePlaces(ReferenceData refData)
    {
        _units = refData.Territories.Where(t => t.Kind != TerritoryKind.FormerNovads).ToArray();
        _cumulative = Cumulative(_units);
        _byNovads = _units.GroupBy(NovadsOf).ToDictionary(g => g.Key, g => (g.ToArray(), Cumulative(g.ToArray())));
        Novadi = _byNovads.Keys.Order().ToArray();
    }

    public IReadOnlyList<int> Novadi { get; }

    public static int NovadsOf(TerritoryInfo t) => t.Kind == TerritoryKind.Novads ? t.Id : t.NovadsId!.Value;

    public TerritoryInfo Pick(Random random) => Draw(_units, _cumulative, random);

    public TerritoryInfo PickIn(int novadsId, Random random) =>
        _byNovads.TryGetValue(novadsId, out var n) ? Draw(n.Units, n.Cumulative, random) : Pick(random);

    private static double Weight(TerritoryInfo t) => t.Kind switch
    {
        TerritoryKind.Pilseta => 8,
        TerritoryKind.Pagasts => 4,
        TerritoryKind.Ciems => 1,
        _ => 0.5,
    };

    private static double[] Cumulative(TerritoryInfo[] units)
    {
        var sums = new double[units.Length];
        var total = 0.0;
        for (var i = 0; i < units.Length; i++)
        {
            total += Weight(units[i]);
            sums[i] = total;
        }

        return sums;
    }

    private static TerritoryInfo Draw(TerritoryInfo[] units, double[] cumulative, Random random)
    {
        var x = random.NextDouble() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, x);
        return units[Math.Min(i < 0 ? ~i : i, units.Length - 1)];
    }
}
