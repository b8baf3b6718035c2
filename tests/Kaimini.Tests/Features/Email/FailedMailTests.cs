using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Email;

public class FailedMailTests(FailedMailTests.GivesUpQuicklyApp app) : IClassFixture<FailedMailTests.GivesUpQuicklyApp>
{
    [Fact]
    public async Task A_message_that_keeps_failing_is_kept_as_failed_shown_with_its_error_and_retried_by_an_administrator()
    {
        var user = await TestUsers.CreateAsync(app, TestUsers.UniqueEmail("failing"));
        using var visitor = app.CreatePageClient("lv");
        await visitor.SubmitAndFollowAsync(await visitor.GetAsync("/account/forgot-password"), "main form",
            new Dictionary<string, string> { ["Email"] = user.Email! });

        await Eventually.TrueAsync(() => app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Recipient == user.Email && m.Status == OutboxStatus.Failed)),
            "The message never failed for good.", seconds: 30);

        var (admin, _) = await app.LoggedInAsync(Roles.Administrator);
        var failed = await admin.GetAsync($"/admin/mail?status=Failed&recipient={Uri.EscapeDataString(user.Email!)}");
        var row = Assert.Single(failed.QuerySelectorAll("tbody tr"));
        Assert.Contains("Paroles atjaunošana portālā Kaimiņi", row.TextContent);
        Assert.Contains("Pēdējā kļūda:", row.TextContent);
        Assert.Equal("2", row.QuerySelectorAll("td")[4].TextContent);

        await app.Smtp.StartAsyncIfStopped();
        var list = await admin.SubmitAndFollowAsync(failed, "tbody form", new Dictionary<string, string>());

        Assert.Contains("Vēstule atkal ievietota rindā.", list.QuerySelector("[role=status]")!.TextContent);
        var message = await app.Smtp.WaitForMessageAsync(user.Email!);
        Assert.Equal("Paroles atjaunošana portālā Kaimiņi", message.Subject);
        // Nothing else can leave: the address's one message is marked sent (the worker marks it once
        // the SMTP conversation has ended, a moment after the server has the message) and nothing is waiting.
        await Eventually.TrueAsync(() => app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Recipient == user.Email && m.Status != OutboxStatus.Pending)),
            "The resent message was never marked sent.", seconds: 30);
        var rows = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Recipient == user.Email).Select(m => m.Status).ToListAsync());
        Assert.Equal([OutboxStatus.Sent], rows);
        Assert.Single(app.Smtp.MessagesTo(user.Email!));
    }

    [Fact]
    public async Task Only_administrators_see_the_mail_queue()
    {
        var (organiser, _) = await app.LoggedInAsync(Roles.Organiser);

        var response = await organiser.Http.GetAsync("/admin/mail");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.ToString());
    }

    public sealed class GivesUpQuicklyApp : KaiminiApp
    {
        protected override bool StartSmtp => false;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Outbox:MaxAttempts"] = "2",
        };
    }
}
