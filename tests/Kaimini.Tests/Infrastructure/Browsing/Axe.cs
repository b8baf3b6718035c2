using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Kaimini.Tests.Infrastructure.Browsing;

public static class Axe
{
    /// <summary>Runs axe-core on the page as it is now and fails with every violation listed.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var violations = result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")
            .ToList();
        Assert.True(violations.Count == 0, $"axe found {violations.Count} violation(s) on {page.Url}:\n{string.Join("\n", violations)}");
    }
}
