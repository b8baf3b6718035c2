using System.Net;
using AngleSharp.Dom;
using Kaimini.Tests.Infrastructure;
using Kaimini.Tests.Infrastructure.Browsing;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Communities;

public class DirectoryTests(DirectoryApp app) : IClassFixture<DirectoryApp>
{
    [Theory]
    [InlineData("kekava", "Ķekav")]
    [InlineData("KEKAVA", "Ķekav")]
    [InlineData("Ķekava", "Ķekav")]
    [InlineData("marupe", "Mārup")]
    public async Task Search_ignores_diacritics_and_case_and_finds_by_place(string typed, string placeContains)
    {
        var results = await ResultsAsync($"/communities?q={Uri.EscapeDataString(typed)}");

        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.True(r.Place.Contains(placeContains) || r.Name.Contains(placeContains), $"{r.Name} ({r.Place})"));
    }

    [Fact]
    public async Task Babite_finds_the_communities_of_the_villages_in_Babites_pagasts()
    {
        var names = (await ResultsAsync("/communities?q=babite")).Select(r => r.Name).ToList();

        Assert.Contains("Piņķu kaimiņu biedrība", names);
        Assert.Contains("Spilves jauno ģimeņu klubs", names);
        Assert.Contains("Babītes ezera draugi", names);
        // Salas pagasts lay in Babītes novads until 2021: people still look for it there.
        Assert.Contains("Kūdras ciema attīstības biedrība", names);
        Assert.DoesNotContain("Olaines kultūras biedrība „Stīga”", names);
    }

    [Fact]
    public async Task Search_finds_by_description_and_by_the_start_of_words()
    {
        var names = (await ResultsAsync("/communities?q=koris")).Select(r => r.Name).ToList();
        var partial = (await ResultsAsync("/communities?q=olain kult")).Select(r => r.Name).ToList();

        Assert.Equal(["Olaines kultūras biedrība „Stīga”"], names);
        Assert.Contains("Olaines kultūras biedrība „Stīga”", partial);
    }

    [Theory]
    [InlineData("sports", "Vārpu ciema sporta kopa")]
    [InlineData("biedrības baldonē", "Baldones kūrorta attīstības biedrība")]
    [InlineData("ugunsdzēsējs", "Jaunmārupes brīvprātīgie ugunsdzēsēji")]
    [InlineData("seniors", "Baložu senioru biedrība „Sarma”")]
    public async Task Search_finds_other_case_forms_of_a_word(string typed, string expected)
    {
        var names = (await ResultsAsync($"/communities?q={Uri.EscapeDataString(typed)}")).Select(r => r.Name).ToList();

        Assert.Contains(expected, names);
    }

    [Theory]
    [InlineData("novads=olaines-novads", new[] { "Apšukalnu meža taka", "Grēnes ciema iedzīvotāji", "Jaunolaines sporta klubs", "Medemciema dārzkopji", "Olaines kultūras biedrība „Stīga”", "Olaines novada NVO atbalsta centrs", "Olaines pagasta labdarības fonds", "Olaines ukraiņu kopiena", "Stūnīšu mājražotāji" })]
    [InlineData("former=bijusais-baldones-novads", new[] { "Baldones brīvprātīgo ugunsdzēsēju biedrība", "Baldones kūrorta attīstības biedrība", "Baldones mūžizglītības centrs", "Mercendarbes kaimiņi", "Vārpu ciema sporta kopa" })]
    [InlineData("place=salas-pagasts", new[] { "Gātciema lauku sēta", "Kūdras ciema attīstības biedrība", "Pērnciema dārzu kopiena", "Salas pagasta senioru klubs „Rudzupuķe”" })]
    [InlineData("theme=seniors", new[] { "Baložu senioru biedrība „Sarma”", "Medemciema dārzkopji", "Salas pagasta senioru klubs „Rudzupuķe”", "Vētru ciema veselības pulciņš" })]
    [InlineData("form=Foundation", new[] { "Baldones mūžizglītības centrs", "Olaines novada NVO atbalsta centrs", "Olaines pagasta labdarības fonds" })]
    [InlineData("novads=kekavas-novads&theme=heritage", new[] { "Baldones kūrorta attīstības biedrība", "Daugmales krasta draugi", "Krogsila zvejnieku mantojums", "Ķekavas kultūrvēsturiskā mantojuma biedrība" })]
    [InlineData("former=bijusais-babites-novads&form=InformalGroup&theme=youth", new[] { "Dzilnuciema jaunā paaudze" })]
    [InlineData("q=biedriba&novads=kekavas-novads&form=Association&theme=seniors", new[] { "Baložu senioru biedrība „Sarma”" })]
    public async Task Each_filter_and_their_combination_narrow_the_list(string query, string[] expected)
    {
        var names = (await ResultsAsync($"/communities?{query}&sort=name")).Select(r => r.Name).ToList();

        Assert.Equal(expected.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Filters_stay_in_the_url_and_in_the_form()
    {
        using var client = app.CreatePageClient("lv");

        var page = await client.GetAsync("/communities?q=kekava&former=bijusais-baldones-novads&theme=heritage&form=Association&page=1");

        Assert.Equal("kekava", page.QuerySelector("#q")!.GetAttribute("value"));
        Assert.Equal("bijusais-baldones-novads", page.QuerySelector("#former option[selected]")!.GetAttribute("value"));
        Assert.Equal("heritage", page.QuerySelector("#theme option[selected]")!.GetAttribute("value"));
        Assert.Equal("Association", page.QuerySelector("#form option[selected]")!.GetAttribute("value"));
        Assert.Equal(["Baldones kūrorta attīstības biedrība"], Cards(page).Select(c => c.Name));
    }

    [Fact]
    public async Task Names_sort_in_Latvian_order_and_pages_hold_twenty()
    {
        using var client = app.CreatePageClient("lv");

        var first = await client.GetAsync("/communities?sort=name");
        var second = await client.GetAsync("/communities?sort=name&page=2");

        var names = Cards(first).Concat(Cards(second)).Select(c => c.Name).ToList();
        Assert.Equal(20, Cards(first).Count);
        Assert.True(names.Count >= 40);
        Assert.Equal(names.Order(Cultures.LatvianComparer), names);
        // k < ķ < l whatever the ICU version.
        Assert.True(names.IndexOf("Krogsila zvejnieku mantojums") < names.IndexOf("Ķekavas novada jauniešu dome"));
        Assert.True(names.IndexOf("Ķekavas pagasta kopienu tīkls") < names.IndexOf("Mārupes jauniešu iniciatīvu centrs"));
        Assert.NotNull(first.QuerySelector("nav[aria-label=Lapas] a[rel=next]"));
    }

    [Fact]
    public async Task No_results_say_so_and_help()
    {
        using var client = app.CreatePageClient("lv");

        var page = await client.GetAsync("/communities?q=neesosavieta");

        Assert.Equal("Nav atrasta neviena kopiena", page.QuerySelector("#results-heading")!.TextContent);
        Assert.NotNull(page.QuerySelector("main a[href='/communities/new']"));
        Assert.NotNull(page.QuerySelector("main .alert a[href='/communities']"));
    }

    [Theory]
    [InlineData("'; DROP TABLE communities; --")]
    [InlineData("a & b | !c <-> d:*")]
    [InlineData("((()))")]
    public async Task Sql_and_query_syntax_are_just_text(string typed)
    {
        using var client = app.CreatePageClient("lv");

        var page = await client.GetAsync($"/communities?q={Uri.EscapeDataString(typed)}");

        Assert.Equal(typed, page.QuerySelector("#q")!.GetAttribute("value"));
        Assert.True(await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Communities)));
    }

    [Fact]
    public async Task A_search_of_500_characters_is_answered()
    {
        using var client = app.CreatePageClient("lv");
        var typed = string.Concat(Enumerable.Repeat("ķekava ", 72))[..500];

        var page = await client.GetAsync($"/communities?q={Uri.EscapeDataString(typed)}");

        Assert.NotEmpty(Cards(page));
    }

    [Fact]
    public async Task Unknown_filter_values_match_nothing_rather_than_everything()
    {
        using var client = app.CreatePageClient("lv");

        var page = await client.GetAsync("/communities?novads=nav-tada-novada");

        Assert.Empty(Cards(page));
    }

    [Fact]
    public async Task Pages_take_a_fixed_number_of_queries_and_repeat_visits_come_from_the_cache()
    {
        using var client = app.CreatePageClient("lv");
        await client.GetAsync("/communities");
        var slug = Cards(await client.GetAsync("/communities?q=kekava")).Count > 0
            ? (await client.GetAsync("/communities?q=kekava")).QuerySelector(".community-list h3 a")!.GetAttribute("href")!
            : throw new InvalidOperationException("no community");

        // A cache miss: the page's own queries, however many results.
        foreach (var (url, expected) in new[]
        {
            ("/communities", 2), ("/communities?q=kekava", 2), ("/communities?novads=kekavas-novads&theme=heritage&sort=newest", 2),
            // A community page: the community, its coming events, the latest ideas about its place and its latest news.
            ("/", 3), (slug, 4),
        })
        {
            await app.ForgetCachedPagesAsync();
            app.Queries.Reset();
            await client.GetAsync(url);
            Assert.True(app.Queries.Count == expected, $"{url}: {app.Queries.Count} queries:\n{app.Queries.Commands}");

            app.Queries.Reset();
            await client.GetAsync(url);
            Assert.True(app.Queries.Count == 0, $"{url} again: {app.Queries.Count} queries:\n{app.Queries.Commands}");
        }
    }

    [Fact]
    public async Task Logged_in_people_and_other_languages_never_get_someone_elses_cached_page()
    {
        using var latvian = app.CreatePageClient("lv");
        using var english = app.CreatePageClient("en");
        await app.ForgetCachedPagesAsync();
        var url = "/communities?q=olaine";

        var lv = await latvian.GetAsync(url);
        var en = await english.GetAsync(url);
        var (member, user) = await app.LoggedInAsync(null);
        var mine = await member.GetAsync(url);

        Assert.Equal("lv", lv.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", en.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(mine.QuerySelector($"header a[title='{user.Email}']"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_community_changed_by_any_save_leaves_the_cached_directory_at_once(bool async)
    {
        var community = await TestCommunities.CreateAsync(app, "Pirms maiņas " + Guid.NewGuid().ToString("N")[..6], "olaine");
        using var visitor = app.CreatePageClient("lv");
        var url = $"/communities?q={Uri.EscapeDataString(community.Name)}";
        Assert.Equal([community.Name], Cards(await visitor.GetAsync(url)).Select(c => c.Name));
        app.Queries.Reset();
        await visitor.GetAsync(url);
        Assert.True(app.Queries.Count == 0, "the directory is not cached, so this test shows nothing");

        // No action and no eviction call: a plain save, as any code might make it.
        await app.WithDbAsync(async db =>
        {
            var row = await db.Communities.SingleAsync(c => c.Id == community.Id);
            row.Status = CommunityStatus.Archived;
            return async ? await db.SaveChangesAsync() : db.SaveChanges();
        });

        Assert.Empty(Cards(await visitor.GetAsync(url)));
    }

    [Fact]
    public async Task A_name_with_a_word_PostgreSQL_reads_as_two_tokens_is_found_by_that_word()
    {
        // "3e8a1b" is "3e8" and "a1b" to PostgreSQL's parser: the query must be parsed by it too.
        var community = await TestCommunities.CreateAsync(app, $"Kopiena 3e8a1b {Guid.NewGuid():N}", "olaine");

        var found = await ResultsAsync($"/communities?q={Uri.EscapeDataString("kopiena 3e8a1b " + community.Name.Split(' ')[2])}");

        Assert.Contains(found, r => r.Name == community.Name);

        // Other tests here count the communities of Olaine exactly.
        await app.WithDbAsync(db => db.Communities.Where(c => c.Id == community.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CommunityStatus.Archived)));
    }

    [Fact]
    public async Task A_change_saved_inside_a_transaction_leaves_the_cache_when_it_commits()
    {
        var community = await TestCommunities.CreateAsync(app, "Transakcijas kopiena " + Guid.NewGuid().ToString("N")[..6], "olaine");
        using var visitor = app.CreatePageClient("lv");
        var url = $"/communities?q={Uri.EscapeDataString(community.Name)}";
        Assert.Single(Cards(await visitor.GetAsync(url)));

        await app.WithDbAsync(async db =>
        {
            await using var committed = await db.Database.BeginTransactionAsync();
            (await db.Communities.SingleAsync(c => c.Id == community.Id)).Status = CommunityStatus.Archived;
            await db.SaveChangesAsync();
            // Saved but not committed: a visitor in between still gets the cached page, and the
            // eviction waits, so they cannot cache the old rows again after it.
            Assert.Single(Cards(await visitor.GetAsync(url)));
            await committed.CommitAsync();
            return 0;
        });

        Assert.Empty(Cards(await visitor.GetAsync(url)));
    }

    private async Task<List<(string Name, string Place)>> ResultsAsync(string url)
    {
        using var client = app.CreatePageClient("lv");
        var all = new List<(string, string)>();
        var page = await client.GetAsync(url);
        all.AddRange(Cards(page));
        while (page.QuerySelector("a[rel=next]")?.GetAttribute("href") is { } next)
        {
            page = await client.GetAsync(next);
            all.AddRange(Cards(page));
        }

        return all;
    }

    private static List<(string Name, string Place)> Cards(IDocument page) =>
        page.QuerySelectorAll(".community-list .card").Select(c => (
            c.QuerySelector("h3 a")!.TextContent.Trim(),
            c.QuerySelector("p.small")!.TextContent)).ToList();
}
