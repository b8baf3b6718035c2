using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Kaimini.Tests.Infrastructure;

/// <summary>A real SMTP server on 127.0.0.1 (the SmtpServer library): the portal's MailKit client
/// holds a real SMTP conversation with it, and tests read what arrived. It can be stopped and
/// started again on the same port, as a mail server that goes down and comes back.</summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CapturingStore _store = new();
    private CancellationTokenSource? _stop;
    private Task? _running;

    public TestSmtpServer(bool start = true)
    {
        Port = FreePort();
        if (start)
        {
            Start();
        }
    }

    public int Port { get; }

    public bool IsRunning => _running is not null;

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _stop = new CancellationTokenSource();
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public Task StartAsyncIfStopped()
    {
        if (!IsRunning)
        {
            Start();
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync()
    {
        if (_stop is null || _running is null)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _stop = null;
        _running = null;
    }

    public IReadOnlyCollection<MimeMessage> Messages => _store.Messages.ToArray();

    /// <summary>Waits for a message to the address (and matching the predicate), or fails.</summary>
    public async Task<MimeMessage> WaitForMessageAsync(string to, Func<MimeMessage, bool>? predicate = null, TimeSpan? timeout = null)
    {
        // Generous: a class's tests share one outbox, and a message may queue behind another test's
        // two hundred at the outbox's pace on a loaded machine. The wait ends when it arrives.
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            var found = _store.Messages.FirstOrDefault(m =>
                m.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase))
                && (predicate is null || predicate(m)));
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No message to {to} arrived; {_store.Messages.Count} arrived in all.");
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived in all.</summary>
    public async Task WaitForCountAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_store.Messages.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{_store.Messages.Count} of {count} messages arrived.");
            }

            await Task.Delay(50);
        }
    }

    public IReadOnlyList<MimeMessage> MessagesTo(string to) =>
        _store.Messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase))).ToList();

    public async ValueTask DisposeAsync() => await StopAsync();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class CapturingStore : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
