using System.Net;
using System.Net.Sockets;

namespace Kaimini.Tests.Infrastructure;

/// <summary>A switchable TCP forwarder on 127.0.0.1: while stopped nothing listens on its port, as
/// when the database server is down; started, it forwards to the real PostgreSQL.</summary>
public sealed class TcpProxy(int targetPort) : IAsyncDisposable
{
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;
    private readonly List<TcpClient> _clients = [];

    public int Port { get; } = TestSmtpServer.FreePort();

    public void Start()
    {
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _ = AcceptAsync(_listener, _stop.Token);
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(ct);
            }
            catch (Exception) when (ct.IsCancellationRequested)
            {
                return;
            }

            var outbound = new TcpClient();
            await outbound.ConnectAsync(IPAddress.Loopback, targetPort, ct);
            lock (_clients)
            {
                _clients.Add(inbound);
                _clients.Add(outbound);
            }

            _ = PumpAsync(inbound, outbound, ct);
            _ = PumpAsync(outbound, inbound, ct);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken ct)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), ct);
        }
        catch (Exception)
        {
            // A closed side ends the pump.
        }
        finally
        {
            to.Close();
        }
    }

    /// <summary>The database goes away: nothing listens, and open connections are cut.</summary>
    public async Task StopAsync()
    {
        if (_stop is not null)
        {
            await _stop.CancelAsync();
        }

        _listener?.Stop();
        lock (_clients)
        {
            _clients.ForEach(c => c.Close());
            _clients.Clear();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
