using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Email;

namespace Trade4Msmes.Tests.Email;

// Kills the real app (kill -9) while it is sending a batch of queued emails, then starts it again: every message
// arrives, and none twice.
public partial class KilledSenderTests
{
    const int Messages = 30;
    const int AcceptedBeforeTheKill = 12;

    [Fact]
    public async Task AppKilledMidBatchSendsEveryPendingMessageOnceAfterARestart()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = TestDatabase.Create();
        await using (var app = new AppFactory(database, loadReferenceData: false))
        {
            // No mail server is configured here: the messages wait in the outbox.
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            for (var i = 0; i < Messages; i++)
            {
                EmailOutbox.Enqueue(db, new EmailMessage($"subscriber{i}@example.org", $"Alert {i}", $"Message {i}", $"test:{i}"), DateTime.UtcNow);
            }
            await db.SaveChangesAsync(ct);
        }

        await using var slow = await SmtpSink.StartAsync(holdAfter: AcceptedBeforeTheKill);
        using (var first = Start(database, slow))
        {
            await slow.WaitUntilHoldingAsync();
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync(ct);
        }
        var beforeTheKill = Ids(slow.Received());
        beforeTheKill.Count.ShouldBe(AcceptedBeforeTheKill);

        await using var sink = await SmtpSink.StartAsync();
        using (var second = Start(database, sink))
        {
            for (var waited = 0; Ids(sink.Received()).Count < Messages - AcceptedBeforeTheKill; waited += 200)
            {
                waited.ShouldBeLessThan(60_000, "the restarted app sends the rest within a minute");
                await Task.Delay(200, ct);
            }
            // Anything sent twice would arrive now.
            await Task.Delay(3000, ct);
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync(ct);
        }

        var afterTheRestart = Ids(sink.Received());
        afterTheRestart.Count.ShouldBe(Messages - AcceptedBeforeTheKill);
        beforeTheKill.Concat(afterTheRestart).Distinct().Count().ShouldBe(Messages, "each message once, none lost");
        await using var check = new AppFactory(database, loadReferenceData: false);
        await using var checkScope = check.Services.CreateAsyncScope();
        (await checkScope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.CountAsync(m => m.SentAt == null, ct)).ShouldBe(0);
    }

    static List<string> Ids(IReadOnlyList<ReceivedEmail> received) =>
        received.Select(m => MessageId().Match(m.Raw).Groups[1].Value).ToList();

    // The real executable, serving on a free loopback port, sending to the given server; a short send lease so
    // the message it held when killed is taken over quickly.
    static Process Start(TestDatabase database, SmtpSink sink)
    {
        var start = AppExecutable.StartInfo(database, "--urls", "http://127.0.0.1:0");
        start.Environment["Database__LoadReferenceData"] = "false";
        start.Environment["Email__SendLease"] = "00:00:02";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore.StaticFiles"] = "Error";
        foreach (var (key, value) in sink.Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        return Process.Start(start)!;
    }

    [GeneratedRegex(@"X-Trade4MSMEs-Message: (\d+)")]
    private static partial Regex MessageId();
}
