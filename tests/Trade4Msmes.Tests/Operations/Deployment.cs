using System.Diagnostics;
using System.Net.Sockets;
using Trade4Msmes.Tests.Infrastructure;

namespace Trade4Msmes.Tests.Operations;

// A deployment brought up by deploy/up.sh (the script operators use) from the app this test run built, and
// stopped by deploy/down.sh. Its own lifetime limit stops it even if a test run dies.
public sealed class Deployment : IAsyncDisposable
{
    readonly string state;

    Deployment(string state, Dictionary<string, string> env)
    {
        this.state = state;
        BaseUrl = env["BASE_URL"];
        InstanceUrls = env["INSTANCE_URLS"].Split(' ');
    }

    public string BaseUrl { get; }

    public string[] InstanceUrls { get; }

    public static async Task<Deployment> StartAsync(params string[] args)
    {
        var state = Path.Combine(Path.GetTempPath(), $"trade4msmes-deploy-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo(Path.Combine(Repository.Root, "deploy", "up.sh"),
            [.. args, "--state", state, "--app", AppExecutable.Directory, "--port", FreePortRange().ToString(System.Globalization.CultureInfo.InvariantCulture), "--lifetime", "240"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The load comes from one address: the API's per-address allowance would refuse it.
            Environment = { ["EXTRA_ENV"] = "RateLimits__Api__Permits=100000000" },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        process.ExitCode.ShouldBe(0, $"deploy/up.sh failed: {await errors}\n{await output}");
        var env = (await File.ReadAllLinesAsync(Path.Combine(state, "env")))
            .Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1].Trim('"'));
        return new Deployment(state, env);
    }

    // Kills instance n (1-based) as the kernel would: no shutdown, no goodbye.
    public void KillInstance(int n)
    {
        using var process = Process.GetProcessById(Pid(n));
        process.Kill();
        process.WaitForExit();
    }

    public bool InstanceAlive(int n)
    {
        try
        {
            using var process = Process.GetProcessById(Pid(n));
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    int Pid(int instance) =>
        int.Parse(File.ReadAllText(Path.Combine(state, $"instance-{instance}.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    // Restarts the PostgreSQL cluster that deploy/up.sh started for this deployment.
    public async Task RestartDatabaseAsync()
    {
        var pgCtl = Path.Combine((await File.ReadAllTextAsync(Path.Combine(state, "pg-bin"))).Trim(), "pg_ctl");
        string[] args = ["-D", Path.Combine(state, "pg", "data"), "-m", "fast", "-w", "-t", "60", "restart", "-l", Path.Combine(state, "pg", "server.log")];
        var start = Environment.UserName == "root" ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", pgCtl, .. args]) : new ProcessStartInfo(pgCtl, args);
        start.RedirectStandardOutput = true;
        start.WorkingDirectory = Path.Combine(state, "pg");
        using var process = Process.Start(start)!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, "pg_ctl restart");
    }

    public async ValueTask DisposeAsync()
    {
        using var process = Process.Start(Path.Combine(Repository.Root, "deploy", "down.sh"), [state]);
        await process.WaitForExitAsync();
        Directory.Delete(state, recursive: true);
    }

    // A port with the next few (instances) and +50 (PostgreSQL) free, in a range the OS does not hand out itself.
    static int FreePortRange()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var port = Random.Shared.Next(30_000, 32_000);
            if (new[] { port, port + 1, port + 2, port + 3, port + 50 }.All(Free))
            {
                return port;
            }
        }
        throw new InvalidOperationException("No free loopback ports found.");
    }

    static bool Free(int port)
    {
        try
        {
            using var listener = new TcpListener(System.Net.IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

// Clients asking in a loop for a fixed time, recording every answer: when it was asked, and what came back.
public static class Load
{
    public sealed record Outcome(string Url, TimeSpan Started, TimeSpan Ended, int Status, string? Error)
    {
        public bool Ok => Status == 200;

        public override string ToString() => $"{Url} → {(Status == 0 ? Error : Status)} at {Started.TotalSeconds:0.00} s";
    }

    public static async Task<List<Outcome>> RunAsync(string baseUrl, string[] paths, int clients, TimeSpan duration, Stopwatch clock)
    {
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(15) };
        var outcomes = new List<Outcome>();
        var stopAt = clock.Elapsed + duration;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            for (var i = client; clock.Elapsed < stopAt; i++)
            {
                var url = baseUrl + paths[i % paths.Length];
                var started = clock.Elapsed;
                Outcome outcome;
                try
                {
                    using var response = await http.GetAsync(url);
                    await response.Content.ReadAsByteArrayAsync();
                    outcome = new(url, started, clock.Elapsed, (int)response.StatusCode, null);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    outcome = new(url, started, clock.Elapsed, 0, e.GetBaseException().Message);
                }
                lock (outcomes)
                {
                    outcomes.Add(outcome);
                }
            }
        }));
        return outcomes;
    }
}
