using System.Data;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Web.Operations;

// `export --to DIR`: what people and economies put in, as one JSON array per collection plus manifest.json, for an
// operator moving to another system or answering a request for someone's data. The shipped reference data is left
// out (every installation has it), and so are password hashes, security stamps and token hashes: an export is
// handed to people, a backup is not.
public static class ExportCommand
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    // The files are data, not HTML: keep accents and quotes readable.
    static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    static readonly JsonSerializerOptions Manifest = new(Json) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    sealed record ManifestFile(string File, string Collection, int Rows, string Holds);

    internal static async Task<int> RunAsync(AppDbContext db, BackupCommands.Target database, string directory, TextWriter output, CancellationToken ct)
    {
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            await output.WriteLineAsync($"{directory} is not empty; nothing was written. Export into a new or empty directory.");
            return 1;
        }
        var applied = await database.AppliedMigrationsAsync(ct) ?? [];
        var pending = db.Database.GetMigrations().Except(applied).Count();
        if (pending > 0)
        {
            await output.WriteLineAsync($"The database is not up to date ({pending} migrations not applied); run `setup` first. Nothing was written.");
            return 1;
        }
        Directory.CreateDirectory(directory);
        var exportedAt = DateTime.UtcNow;
        // One snapshot for every file, so that a revision never points to a submission missing from the export. On
        // SQLite a deferred transaction, which only reads (EF Core's would take the write lock at once).
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        await using var snapshot = connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await db.Database.UseTransactionAsync(snapshot, ct);
        var files = new List<ManifestFile>();

        async Task WriteAsync<T>(string file, string holds, IQueryable<T> rows)
        {
            var count = 0;
            await using (var stream = File.Create(Path.Combine(directory, file)))
            await using (var writer = new Utf8JsonWriter(stream, Writer))
            {
                writer.WriteStartArray();
                await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
                {
                    JsonSerializer.Serialize(writer, row, Json);
                    count++;
                    if (writer.BytesPending > 64 * 1024)
                    {
                        await writer.FlushAsync(ct);
                    }
                }
                writer.WriteEndArray();
            }
            files.Add(new ManifestFile(file, Path.GetFileNameWithoutExtension(file), count, holds));
            await output.WriteLineAsync($"{file}: {count} rows");
        }

        await WriteAsync("accounts.json", "Accounts: address, name, language, dates and roles (an official's role names its economy). "
            + "No password hashes, security stamps or link secrets.",
            db.Accounts.OrderBy(a => a.Id).Select(a => new
            {
                a.Id,
                a.Email,
                Name = a.DisplayName,
                a.Language,
                a.CreatedAt,
                a.EmailConfirmedAt,
                a.DisabledAt,
                Roles = a.Roles.OrderBy(r => r.Id).Select(r => new { r.Role, Economy = r.EconomyIso3, r.GrantedAt }).ToList(),
            }));
        await WriteAsync("api-tokens.json", "Economies' API tokens for transmissions: name, economy, creator (account id), dates. No token hashes.",
            db.ApiTokens.OrderBy(t => t.Id).Select(t => new
            {
                t.Id,
                t.Name,
                Economy = t.EconomyIso3,
                t.CreatedBy,
                t.CreatedAt,
                t.LastUsedAt,
                t.RevokedAt,
            }));
        await WriteAsync("submissions.json", "Texts economy officials wrote for publication: working content and published content "
            + "(JSON objects, field name to text, as strings), state and dates.",
            db.Submissions.OrderBy(s => s.Id).Select(s => new
            {
                s.Id,
                s.Kind,
                Economy = s.EconomyIso3,
                s.Title,
                s.State,
                s.Content,
                s.PublishedContent,
                s.PublishedVersion,
                s.CreatedBy,
                s.CreatedAt,
                s.UpdatedAt,
                s.ReviewComment,
            }));
        await WriteAsync("submission-revisions.json", "Every saved, submitted, returned and published version of each submission (submissionId).",
            db.SubmissionRevisions.OrderBy(r => r.Id).Select(r => new
            {
                r.Id,
                r.SubmissionId,
                r.Number,
                r.Event,
                r.Content,
                r.PublishedVersion,
                r.By,
                r.At,
                r.Comment,
            }));

        // Only what economies transmitted: the shipped schedules come with the product.
        var transmitted = await db.TariffSchedules.Where(s => s.Origin == TariffScheduleOrigin.Transmitted).Select(s => s.Id).ToListAsync(ct);
        await WriteAsync("tariff-schedules.json", "Tariff schedule versions transmitted by economies (not the shipped ones).",
            db.TariffSchedules.Where(s => transmitted.Contains(s.Id)).OrderBy(s => s.Id).Select(s => new
            {
                s.Id,
                Economy = s.EconomyIso3,
                s.Version,
                s.ValidFrom,
                s.Title,
                s.Source,
                s.Currency,
                s.HsEdition,
                s.TransmittedBy,
                s.ReceivedAt,
                s.LineCount,
                s.UnparsedRateCount,
                s.Caveat,
            }));
        await WriteAsync("tariff-programmes.json", "Preferential programmes named in the transmitted schedules (scheduleId).",
            db.TariffProgrammes.Where(p => transmitted.Contains(p.ScheduleId)).OrderBy(p => p.Id).Select(p => new
            {
                p.Id,
                p.ScheduleId,
                p.Code,
                p.Name,
                p.Kind,
                p.RtaId,
                p.Origins,
                p.Note,
                p.Source,
                p.LapsedOn,
            }));
        await WriteAsync("tariff-lines.json", "National tariff lines of the transmitted schedules (scheduleId).",
            db.TariffLines.Where(l => transmitted.Contains(l.ScheduleId)).OrderBy(l => l.Id).Select(l => new
            {
                l.Id,
                l.ScheduleId,
                l.Code,
                l.Hs6,
                l.Description,
                l.FullDescription,
                l.Units,
                l.AdValoremEquivalent,
                l.Notes,
            }));
        var lines = db.TariffLines.Where(l => transmitted.Contains(l.ScheduleId)).Select(l => l.Id);
        await WriteAsync("tariff-rates.json", "Duties of those lines (lineId): as printed (text) and as understood (form and parts).",
            db.TariffRates.Where(r => lines.Contains(r.LineId)).OrderBy(r => r.Id).Select(r => new
            {
                r.Id,
                r.LineId,
                r.Kind,
                r.Programme,
                r.Text,
                r.Form,
                r.AdValorem,
                r.SpecificAmount,
                r.SpecificCurrency,
                r.SpecificUnit,
            }));
        await WriteAsync("tariff-rate-quotas.json", "Tariff-rate quotas of those lines (lineId).",
            db.TariffRateQuotas.Where(q => lines.Contains(q.LineId)).OrderBy(q => q.Id).Select(q => new
            {
                q.Id,
                q.LineId,
                q.Programme,
                q.Quantity,
                q.Unit,
                q.InQuotaRate,
                q.OutOfQuotaRate,
                q.ImportsUnderQuota,
            }));
        await WriteAsync("tariff-imports.json", "Import statistics transmitted with the schedules (scheduleId), by line, origin and year.",
            db.TariffImports.Where(i => transmitted.Contains(i.ScheduleId)).OrderBy(i => i.Id).Select(i => new
            {
                i.Id,
                i.ScheduleId,
                i.LineCode,
                Origin = i.OriginIso3,
                i.Year,
                i.Value,
                i.Quantity,
                i.Unit,
            }));

        await WriteAsync("notifications.json", "SPS and TBT notifications editors imported or entered, with their HS and ICS codes.",
            db.Notifications.OrderBy(n => n.Id).Select(n => new
            {
                n.Id,
                n.DocumentSymbol,
                n.ParentSymbol,
                n.Domain,
                n.Type,
                Member = n.MemberIso3,
                n.DistributionDate,
                n.Title,
                n.Description,
                n.ProductsText,
                HsCodes = n.HsCodes.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                IcsCodes = n.IcsCodes.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                n.Objectives,
                n.Keywords,
                n.CommentDeadline,
                n.EntryIntoForce,
                DocumentLinks = n.DocumentLinks.Split('\n', StringSplitOptions.RemoveEmptyEntries),
                n.Language,
                n.Source,
                n.RecordedAt,
                n.UpdatedAt,
            }));
        await WriteAsync("policy-entries.json", "Policy database entries operators imported from files (those published from submissions are in submissions.json).",
            db.PolicyRecords.Where(r => r.ImportedFrom != null).OrderBy(r => r.Id).Select(r => new
            {
                r.Id,
                r.Key,
                r.Database,
                Economy = r.EconomyIso3,
                Agreement = r.RtaId,
                r.Category,
                r.Title,
                r.Text,
                r.Language,
                r.Year,
                r.Date,
                r.SourceSymbol,
                r.SourceLocation,
                r.SourceUrl,
                r.Details,
                r.ImportedFrom,
                r.RecordedAt,
                r.UpdatedAt,
            }));
        await WriteAsync("subscribers.json", "Addresses that receive alerts (with or without an account).",
            db.Subscribers.OrderBy(s => s.Id).Select(s => new { s.Id, s.Email, s.Language, s.CreatedAt }));
        await WriteAsync("subscriptions.json", "What each subscriber (subscriberId) asked to hear about, how often, and when confirmed.",
            db.Subscriptions.OrderBy(s => s.Id).Select(s => new
            {
                s.Id,
                s.SubscriberId,
                Products = s.Products.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                Markets = s.Markets.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                Keywords = s.Keywords.Split('\n', StringSplitOptions.RemoveEmptyEntries),
                s.Kinds,
                s.Frequency,
                s.CreatedAt,
                s.ConfirmedAt,
            }));
        await WriteAsync("contact-messages.json", "Messages and suggested resources sent through the contact form, and when editors handled them.",
            db.ContactMessages.OrderBy(m => m.Id).Select(m => new { m.Id, m.Kind, m.Name, m.Email, m.Subject, m.Url, m.Text, m.Lang, m.ReceivedAt, m.HandledAt, m.HandledByAccountId }));
        await WriteAsync("content-corrections.json", "Editors' corrections of the portal's pages (collection, slug, language); a null text returned the page to the shipped text.",
            db.ContentCorrections.OrderBy(c => c.Id).Select(c => new { c.Id, c.Collection, c.Slug, c.Lang, c.Text, c.Note, c.EditedByAccountId, c.EditedAt }));
        await WriteAsync("audit-log.json", "Who changed what and when (append-only), with the old and new values as JSON strings.",
            db.AuditEntries.OrderBy(e => e.Id).Select(e => new
            {
                e.Id,
                e.At,
                e.Actor,
                e.ActorAccountId,
                e.Action,
                e.Subject,
                Economy = e.EconomyIso3,
                e.OldValues,
                e.NewValues,
            }));

        // Written last: a directory without a manifest is an export that did not finish.
        await using (var stream = File.Create(Path.Combine(directory, "manifest.json")))
        {
            await JsonSerializer.SerializeAsync(stream, new
            {
                Application = "Trade4MSMEs",
                Version = typeof(ExportCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion,
                ExportedAt = exportedAt,
                Provider = database.Provider,
                Files = files,
            }, Manifest, ct);
        }
        await output.WriteLineAsync($"Exported {files.Count} collections to {directory} (manifest.json describes them).");
        return 0;
    }
}
