using Kaimini.Tests.Infrastructure;

namespace Kaimini.Tests.Web;

public class PageCacheKeyTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    [Fact]
    public async Task Query_keys_a_page_does_not_read_share_one_cached_entry_and_stay_out_of_its_links()
    {
        using var visitor = app.CreatePageClient("lv");
        await app.ForgetCachedPagesAsync();

        app.Queries.Reset();
        await visitor.GetAsync("/communities?q=kekava&x=1");
        Assert.True(app.Queries.Count > 0, "the first visit was not rendered, so this test shows nothing");

        // The page the first visit left in the cache, not a new entry rendered for x=2.
        app.Queries.Reset();
        var second = await visitor.GetAsync("/communities?q=kekava&x=2");
        Assert.True(app.Queries.Count == 0, $"?x=2 after ?x=1: {app.Queries.Count} queries:\n{app.Queries.Commands}");
        var language = second.QuerySelector("a[hreflang=en]")!.GetAttribute("href")!;
        Assert.Equal("/language/en?returnUrl=" + Uri.EscapeDataString("/communities?q=kekava"), language);

        // A key the page reads is still its own address.
        app.Queries.Reset();
        await visitor.GetAsync("/communities?q=olaine&x=2");
        Assert.True(app.Queries.Count > 0, "?q=olaine was answered with the ?q=kekava page");
    }

    [Fact]
    public async Task A_page_that_reads_no_query_keys_is_one_entry_whatever_the_query()
    {
        using var visitor = app.CreatePageClient("lv");
        await app.ForgetCachedPagesAsync();
        await visitor.GetAsync("/?utm_source=avize");

        app.Queries.Reset();
        var home = await visitor.GetAsync("/?utm_source=radio&page=7");

        Assert.True(app.Queries.Count == 0, $"the home page again: {app.Queries.Count} queries:\n{app.Queries.Commands}");
        Assert.Equal("/language/en?returnUrl=%2F", home.QuerySelector("a[hreflang=en]")!.GetAttribute("href"));
    }
}
