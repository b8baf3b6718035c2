using Kaimini.Tests.Infrastructure;
using Kaimini.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kaimini.Tests.Features.Email;

/// <summary>The mail server is down when mail is queued and comes back later.</summary>
public class SmtpOutageTests(SmtpOutageTests.SmtpDownApp app) : IClassFixture<SmtpOutageTests.SmtpDownApp>
{
    [Fact]
    public async Task A_bulk_invitation_of_200_survives_an_smtp_outage_and_each_arrives_exactly_once()
    {
        var (admin, _) = await app.LoggedInAsync(Roles.Administrator);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var addresses = Enumerable.Range(1, 200).Select(i => $"kaimins{i}.{tag}@kaimini.test").ToList();

        var batch = await admin.SubmitAndFollowAsync(await admin.GetAsync("/admin/invitations"), "main form[action='/admin/invitations']",
            new Dictionary<string, string>
            {
                ["form.Emails"] = string.Join("\n", addresses),
                ["form.Role"] = Roles.Leader,
                ["form.Culture"] = "lv",
            });
        Assert.Equal("Rindā ievietoti 200 uzaicinājumi.", batch.QuerySelector("main .lead")!.TextContent);

        // While the server is down every attempt fails and the messages wait.
        await Eventually.TrueAsync(async () => await app.WithDbAsync(db => db.OutboxMessages
            .CountAsync(m => m.Recipient.EndsWith($"{tag}@kaimini.test") && m.Attempts >= 2)) == 200, "The messages were not tried twice while the server was down.");
        Assert.DoesNotContain(app.Smtp.Messages, m => m.To.Mailboxes.Single().Address.Contains(tag));
        var waiting = await admin.GetAsync("/admin/mail?status=Pending");
        Assert.Contains("SocketException", waiting.QuerySelector("tbody")!.TextContent);

        await app.Smtp.StartAsyncIfStopped();

        await Eventually.TrueAsync(() => Task.FromResult(app.Smtp.Messages.Count(m => m.To.Mailboxes.Single().Address.Contains(tag)) >= 200), "The 200 messages did not arrive after the server came back.");
        await Eventually.TrueAsync(async () => await app.WithDbAsync(db => db.OutboxMessages
            .CountAsync(m => m.Recipient.EndsWith($"{tag}@kaimini.test") && m.Status == OutboxStatus.Sent)) == 200, "The 200 messages were not all marked sent.");
        // Every one of the batch's rows is marked sent: nothing is left that could arrive later.
        Assert.Equal(200, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient.EndsWith($"{tag}@kaimini.test"))));
        var arrived = app.Smtp.Messages.Where(m => m.To.Mailboxes.Single().Address.Contains(tag)).ToList();
        Assert.Equal(200, arrived.Count);
        Assert.Equal(addresses.Order(), arrived.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.Equal(200, arrived.Select(m => m.MessageId).Distinct().Count());
        var progress = await admin.Http.GetStringAsync(batch.QuerySelector("#batch-progress")!.GetAttribute("data-progress-url"));
        Assert.Contains("\"sent\":200", progress);
        Assert.Contains("\"queued\":0", progress);
    }

    public sealed class SmtpDownApp : KaiminiApp
    {
        protected override bool StartSmtp => false;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Outbox:BatchSize"] = "50",
            ["Outbox:MaxAttempts"] = "1000",
        };
    }
}
