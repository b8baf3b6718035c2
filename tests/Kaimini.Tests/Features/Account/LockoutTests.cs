using Kaimini.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Account;

public class LockoutTests(KaiminiApp app) : IClassFixture<KaiminiApp>
{
    private const string Wrong = "Nepareiza e-pasta adrese vai parole.";

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one_and_it_reads_like_a_wrong_password()
    {
        var user = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("lockout"));
        using var client = app.CreatePageClient("lv");

        for (var i = 0; i < 4; i++)
        {
            var page = await LoginAsync(client, user.Email!, "nepareiza-parole-1");
            Assert.Contains(Wrong, page.QuerySelector("[role=alert]")!.TextContent);
            Assert.Equal("", page.QuerySelector("#Password")!.GetAttribute("value") ?? "");
            Assert.Equal(user.Email, page.QuerySelector("#Email")!.GetAttribute("value"));
        }

        var fifth = await LoginAsync(client, user.Email!, "nepareiza-parole-1");
        Assert.Equal(Wrong, fifth.QuerySelector("[role=alert] li")!.TextContent);

        // Locked out, even the right password gets the answer of a wrong one: nothing tells a guesser
        // that the account exists or that it is locked.
        var rightPassword = await LoginAsync(client, user.Email!, TestUsers.Password);
        Assert.Equal(Wrong, rightPassword.QuerySelector("[role=alert] li")!.TextContent);
        Assert.Null(rightPassword.QuerySelector($"header a[title='{user.Email!}']"));

        var lockoutEnd = await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_message_as_a_wrong_password()
    {
        using var client = app.CreatePageClient("en");

        var page = await LoginAsync(client, TestUsers.UniqueEmail("nobody"), "whatever-2026");

        Assert.Contains("Wrong e-mail address or password.", page.QuerySelector("[role=alert]")!.TextContent);
    }

    private static async Task<AngleSharp.Dom.IDocument> LoginAsync(Infrastructure.Browsing.PageClient client, string email, string password) =>
        await client.SubmitExpectingPageAsync(await client.GetAsync("/account/login"), "main form", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
        });
}
