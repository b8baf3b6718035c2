using Kaimini.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Kaimini.Web.Features.Home;

public class HomeController(HomePage page) : Controller
{
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await page.BuildAsync(ct));
}
