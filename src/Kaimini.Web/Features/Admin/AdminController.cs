using Kaimini.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kaimini.Web.Features.Admin;

/// <summary>/admin: the organisers' and administrators' tools in one place, instead of a crowded header.</summary>
[Authorize(Policy = Policies.Organiser)]
public class AdminController(IWebHostEnvironment env) : Controller
{
    [HttpGet("/admin")]
    public IActionResult Index() => View(env.IsDevelopment());
}
