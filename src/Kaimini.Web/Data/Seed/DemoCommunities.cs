using Kaimini.Web.Domain;

namespace Kaimini.Web.Data.Seed;

/// <summary>Invented communities for ./kaimini run: every name, person and number here is made up.</summary>
public static class DemoCommunities
{
    public sealed record Demo(string Name, LegalForm Form, string Place, string Short, string[] Themes, int? Founded = null, string? Street = null, string? PostalCode = null);

    public static readonly IReadOnlyList<Demo> All =
    [
        new("Piņķu kaimiņu biedrība", LegalForm.Association, "Piņķi", "Kaimiņi, kas kopā uztur Piņķu parku, rīko talkas un svētkus.", ["neighbourhood", "environment"], 2012, "Rīgas iela 8", "LV-2107"),
        new("Babītes ezera draugi", LegalForm.Association, "Babītes pagasts", "Rūpējamies par Babītes ezera krastiem, putnu vērošanu un laivu vietām.", ["waterfronts", "environment"], 2016),
        new("Spilves jauno ģimeņu klubs", LegalForm.InformalGroup, "Spilve", "Vecāki ar maziem bērniem: rotaļu rīti, mantu maiņa un kopīgas pastaigas.", ["families"]),
        new("Salas pagasta senioru klubs „Rudzupuķe”", LegalForm.Association, "Salas pagasts", "Dziesmas, ekskursijas un rokdarbi Salas pagasta senioriem.", ["seniors", "culture"], 2004),
        new("Kūdras ciema attīstības biedrība", LegalForm.Association, "Kūdra", "Ceļi, apgaismojums un bērnu laukums Kūdras ciemā.", ["new-developments", "neighbourhood"], 2019),
        new("Mārupes jauniešu iniciatīvu centrs", LegalForm.Association, "Mārupe", "Jaunieši plāno un īsteno savus projektus Mārupē.", ["youth", "civic"], 2014, "Daugavas iela 29", "LV-2167"),
        new("Jaunmārupes brīvprātīgie ugunsdzēsēji", LegalForm.Association, "Jaunmārupe", "Brīvprātīgo ugunsdzēsēju vienība un drošības mācības skolām.", ["rescue", "safety"], 2011),
        new("Tīraines kaimiņu sardze", LegalForm.InformalGroup, "Tīraine", "Kaimiņi, kas pieskata ielas un ziņo par bīstamām vietām.", ["safety", "neighbourhood"]),
        new("Skultes amatnieku kopa", LegalForm.Association, "Skulte", "Kokapstrāde, keramika un mājražotāju tirdziņi Skultē.", ["enterprise", "culture"], 2017),
        new("Mārupes pagasta vides draugi", LegalForm.InformalGroup, "Mārupes pagasts", "Pavasara talkas, koku stādīšana un dārzu pieredzes apmaiņa.", ["environment"]),
        new("Olaines kultūras biedrība „Stīga”", LegalForm.Association, "Olaine", "Koris, teātra studija un koncerti Olainē.", ["culture", "education"], 1998, "Zeiferta iela 11", "LV-2114"),
        new("Olaines ukraiņu kopiena", LegalForm.Association, "Olaine", "Ukraiņu valodas, tradīciju un kopības uzturēšana Olainē.", ["minorities", "culture"], 2022),
        new("Jaunolaines sporta klubs", LegalForm.Association, "Jaunolaine", "Futbols, volejbols un skrējieni visai ģimenei.", ["sport", "youth"], 2009),
        new("Grēnes ciema iedzīvotāji", LegalForm.InformalGroup, "Grēnes", "Ciema iedzīvotāju grupa: satiksme, ūdensvads un kopīgi svētki.", ["neighbourhood"]),
        new("Medemciema dārzkopji", LegalForm.InformalGroup, "Medemciems", "Dārzkopības kooperatīva biedri dalās stādos un pieredzē.", ["environment", "seniors"]),
        new("Olaines pagasta labdarības fonds", LegalForm.Foundation, "Olaines pagasts", "Atbalsts ģimenēm grūtībās un stipendijas skolēniem.", ["charity", "families"], 2013),
        new("Stūnīšu mājražotāji", LegalForm.InformalGroup, "Stūnīši", "Mājās ceptas maizes, medus un sieru tirdziņi.", ["enterprise"]),
        new("Ķekavas novada jauniešu dome", LegalForm.InformalGroup, "Ķekava", "Jauniešu balss novada lēmumos un brīvprātīgais darbs.", ["youth", "civic"]),
        new("Ķekavas kultūrvēsturiskā mantojuma biedrība", LegalForm.Association, "Ķekava", "Pētām un stāstām Ķekavas vēsturi, kopjam pieminekļus.", ["heritage", "culture"], 2006, "Gaismas iela 19", "LV-2123"),
        new("Baložu senioru biedrība „Sarma”", LegalForm.Association, "Baloži", "Nodarbības, lekcijas un ekskursijas Baložu senioriem.", ["seniors"], 2010),
        new("Katlakalna kopienas centrs", LegalForm.Association, "Katlakalns", "Kopienas māja ar bibliotēku, darbnīcām un sarunu vakariem.", ["neighbourhood", "education"], 2015),
        new("Daugmales krasta draugi", LegalForm.Association, "Daugmales pagasts", "Daugavas krasta taka, laivu piestātne un vides izglītība.", ["waterfronts", "heritage"], 2018),
        new("Rāmavas ģimeņu biedrība", LegalForm.Association, "Rāmava", "Bērnu svētki, vecāku tikšanās un rotaļu laukuma labiekārtošana.", ["families", "neighbourhood"], 2020),
        new("Baldones kūrorta attīstības biedrība", LegalForm.Association, "Baldone", "Baldones kūrorta tradīcijas, veselības takas un tūrisms.", ["heritage", "health"], 2008, "Iecavas iela 4", "LV-2125"),
        new("Baldones brīvprātīgo ugunsdzēsēju biedrība", LegalForm.Association, "Baldones pagasts", "Ugunsdzēsēji brīvprātīgie, kas palīdz pagasta ciemos.", ["rescue"], 2005),
        new("Mercendarbes kaimiņi", LegalForm.InformalGroup, "Mercendarbe", "Ciema ceļa uzturēšana un kopīgi Jāņi.", ["neighbourhood"]),
        new("Vārpu ciema sporta kopa", LegalForm.InformalGroup, "Vārpas", "Nūjošana, galda teniss un sporta svētki Vārpās.", ["sport", "health"]),
        new("Baldones mūžizglītības centrs", LegalForm.Foundation, "Baldone", "Valodu kursi, datorapmācība un interešu izglītība pieaugušajiem.", ["education"], 2012),
        new("Ķekavas pagasta kopienu tīkls", LegalForm.Association, "Ķekavas pagasts", "Apvieno ciemu iniciatīvu grupas un palīdz rakstīt projektus.", ["civic", "neighbourhood"], 2019),
        new("Odukalna iedzīvotāju biedrība", LegalForm.Association, "Odukalns", "Jaunā ciemata iedzīvotāji kopā risina infrastruktūras jautājumus.", ["new-developments"], 2021),
        new("Krogsila zvejnieku mantojums", LegalForm.InformalGroup, "Krogsils", "Zvejniecības vēstures stāsti un laivu būve.", ["heritage", "waterfronts"]),
        new("Dzilnuciema jaunā paaudze", LegalForm.InformalGroup, "Dzilnuciems", "Jaunieši, kas rīko pasākumus un sporto Dzilnuciemā.", ["youth", "sport"]),
        new("Priežciema iedzīvotāju biedrība", LegalForm.Association, "Priežciems", "Ciema plānošana, ceļi un drošība Priežciemā.", ["new-developments", "safety"], 2018),
        new("Gātciema lauku sēta", LegalForm.Other, "Gātciems", "Lauku tūrisma saimniecība, kas atver durvis ciema svētkiem.", ["heritage", "enterprise"]),
        new("Mārupes NVO sadarbības tīkls", LegalForm.Association, "Mārupes novads", "Mārupes novada biedrību sadarbība un kopīgi projekti.", ["civic", "charity"], 2021),
        new("Olaines novada NVO atbalsta centrs", LegalForm.Foundation, "Olaines novads", "Konsultācijas biedrībām: projekti, grāmatvedība, brīvprātīgie.", ["civic"], 2017),
        new("Apšukalnu meža taka", LegalForm.InformalGroup, "Apšukalni", "Kaimiņi veido un kopj izziņas taku mežā.", ["environment", "sport"]),
        new("Pērnciema dārzu kopiena", LegalForm.InformalGroup, "Pērnciems", "Kopdārzs, sēklu bibliotēka un kompostēšanas paraugi.", ["environment", "families"]),
        new("Vētru ciema veselības pulciņš", LegalForm.InformalGroup, "Vētras", "Rīta vingrošana un veselīga dzīvesveida lekcijas.", ["health", "seniors"]),
        new("Alejas ciema bērnu teātris", LegalForm.InformalGroup, "Alejas", "Bērnu teātra studija un iestudējumi ciema svētkos.", ["culture", "youth"]),
    ];

    /// <summary>A point a few hundred metres from a place's own (the <paramref name="index"/>-th of a
    /// small grid around it), so that demo communities and events in one village do not share a marker.</summary>
    public static (decimal? Latitude, decimal? Longitude) Near(decimal? latitude, decimal? longitude, int index) =>
        latitude is { } lat && longitude is { } lon
            ? (Math.Round(lat + ((index % 5) - 2) * 0.0021m, 5), Math.Round(lon + ((index / 5 % 5) - 2) * 0.0033m, 5))
            : (null, null);

    /// <summary>Registration numbers that look real (40008…, passing the checksum) but are invented.</summary>
    public static string RegistrationNumber(int index)
    {
        for (var serial = 10_000 + index * 37; ; serial++)
        {
            var stem = $"40008{serial:D5}";
            int[] weights = [9, 1, 4, 8, 3, 10, 2, 5, 7, 6];
            var sum = stem.Select((c, i) => (c - '0') * weights[i]).Sum();
            var check = ((3 - sum) % 11 + 11) % 11;
            if (check < 10)
            {
                return stem + check;
            }
        }
    }
}
