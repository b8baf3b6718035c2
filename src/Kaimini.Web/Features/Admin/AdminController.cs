using Kaimini.Web.Data;
using Kaimini.Web.Domain;
using Kaimini.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Web.Features.Admin;

/// <summary>/admin: the organisers' and administrators' tools in one place, instead of a crowded header.</summary>
[Authorize(Policy = Policies.Organiser)]
public class AdminController(AppDbContext db, IWebHostEnvironment env) : Controller
{
    [HttpGet("/admin")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(new AdminViewModel(env.IsDevelopment(), await db.Communities.CountAsync(c => c.Status == CommunityStatus.Pending, ct)));
}

public sealed record AdminViewModel(bool IsDevelopment, int PendingCommunities);
