using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Trade4Msmes.Web.Data.Migrations;

// Accounts and roles, one-time links, API tokens, the append-only audit log, shared data-protection keys,
// global rate-limit counters, the email outbox and the review workflow's submissions.
[DbContext(typeof(AppDbContext))]
[Migration("202611220005_Accounts")]
public class Accounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "accounts",
            columns: t => new
            {
                Id = Initial.Identity(t),
                Email = t.Column<string>(maxLength: 254),
                DisplayName = t.Column<string>(maxLength: 100),
                PasswordHash = t.Column<string>(nullable: true),
                EmailConfirmedAt = t.Column<DateTime>(nullable: true),
                SecurityStamp = t.Column<string>(),
                FailedSignIns = t.Column<int>(),
                LockedUntil = t.Column<DateTime>(nullable: true),
                DisabledAt = t.Column<DateTime>(nullable: true),
                Language = t.Column<string>(maxLength: 2),
                CreatedAt = t.Column<DateTime>(),
            },
            constraints: t => t.PrimaryKey("PK_accounts", x => x.Id));
        migrationBuilder.CreateIndex("IX_accounts_Email", "accounts", "Email", unique: true);

        migrationBuilder.CreateTable(
            name: "account_roles",
            columns: t => new
            {
                Id = Initial.Identity(t),
                AccountId = t.Column<int>(),
                Role = t.Column<int>(),
                EconomyIso3 = t.Column<string>(nullable: true),
                GrantedAt = t.Column<DateTime>(),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_account_roles", x => x.Id);
                t.ForeignKey("FK_account_roles_accounts_AccountId", x => x.AccountId, "accounts", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_account_roles_AccountId", "account_roles", "AccountId");

        migrationBuilder.CreateTable(
            name: "account_links",
            columns: t => new
            {
                Id = Initial.Identity(t),
                AccountId = t.Column<int>(),
                Purpose = t.Column<int>(),
                TokenHash = t.Column<string>(),
                CreatedAt = t.Column<DateTime>(),
                ExpiresAt = t.Column<DateTime>(),
                UsedAt = t.Column<DateTime>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_account_links", x => x.Id);
                t.ForeignKey("FK_account_links_accounts_AccountId", x => x.AccountId, "accounts", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_account_links_TokenHash", "account_links", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_account_links_AccountId", "account_links", "AccountId");

        migrationBuilder.CreateTable(
            name: "api_tokens",
            columns: t => new
            {
                Id = Initial.Identity(t),
                EconomyIso3 = t.Column<string>(),
                Name = t.Column<string>(maxLength: 100),
                Prefix = t.Column<string>(),
                TokenHash = t.Column<string>(),
                CreatedBy = t.Column<int>(),
                CreatedAt = t.Column<DateTime>(),
                LastUsedAt = t.Column<DateTime>(nullable: true),
                RevokedAt = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_api_tokens", x => x.Id));
        migrationBuilder.CreateIndex("IX_api_tokens_TokenHash", "api_tokens", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_api_tokens_EconomyIso3", "api_tokens", "EconomyIso3");

        migrationBuilder.CreateTable(
            name: "audit_entries",
            columns: t => new
            {
                Id = LongIdentity(t),
                At = t.Column<DateTime>(),
                Actor = t.Column<string>(),
                ActorAccountId = t.Column<int>(nullable: true),
                Action = t.Column<string>(),
                Subject = t.Column<string>(),
                EconomyIso3 = t.Column<string>(nullable: true),
                OldValues = t.Column<string>(nullable: true),
                NewValues = t.Column<string>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_audit_entries", x => x.Id));
        migrationBuilder.CreateIndex("IX_audit_entries_At", "audit_entries", "At");
        migrationBuilder.CreateIndex("IX_audit_entries_Subject", "audit_entries", "Subject");

        // Append-only from the application's side: the database itself refuses to change or remove an entry.
        if (IsPostgres(migrationBuilder))
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit_entries is append-only'; END $$;
                CREATE TRIGGER audit_entries_no_update BEFORE UPDATE OR DELETE ON audit_entries
                FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
                """);
        }
        else
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
                BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
                BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;
                """);
        }

        migrationBuilder.CreateTable(
            name: "data_protection_keys",
            columns: t => new
            {
                Id = Initial.Identity(t),
                FriendlyName = t.Column<string>(),
                Xml = t.Column<string>(),
            },
            constraints: t => t.PrimaryKey("PK_data_protection_keys", x => x.Id));

        migrationBuilder.CreateTable(
            name: "rate_limit_counters",
            columns: t => new
            {
                Key = t.Column<string>(),
                WindowStart = t.Column<DateTime>(),
                Count = t.Column<int>(),
            },
            constraints: t => t.PrimaryKey("PK_rate_limit_counters", x => x.Key));
        migrationBuilder.CreateIndex("IX_rate_limit_counters_WindowStart", "rate_limit_counters", "WindowStart");

        migrationBuilder.CreateTable(
            name: "outbox_messages",
            columns: t => new
            {
                Id = LongIdentity(t),
                ToAddress = t.Column<string>(),
                Subject = t.Column<string>(),
                TextBody = t.Column<string>(),
                HtmlBody = t.Column<string>(),
                DedupeKey = t.Column<string>(nullable: true),
                CreatedAt = t.Column<DateTime>(),
                Attempts = t.Column<int>(),
                NextAttemptAt = t.Column<DateTime>(nullable: true),
                SentAt = t.Column<DateTime>(nullable: true),
                LastError = t.Column<string>(nullable: true),
                LeaseOwner = t.Column<string>(nullable: true),
                LeaseUntil = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_outbox_messages", x => x.Id));
        migrationBuilder.CreateIndex("IX_outbox_messages_DedupeKey", "outbox_messages", "DedupeKey", unique: true);
        migrationBuilder.CreateIndex("IX_outbox_messages_NextAttemptAt", "outbox_messages", "NextAttemptAt");

        migrationBuilder.CreateTable(
            name: "submissions",
            columns: t => new
            {
                Id = Initial.Identity(t),
                Kind = t.Column<string>(),
                EconomyIso3 = t.Column<string>(),
                Title = t.Column<string>(),
                State = t.Column<int>(),
                Content = t.Column<string>(),
                PublishedContent = t.Column<string>(nullable: true),
                PublishedVersion = t.Column<int>(),
                CreatedBy = t.Column<int>(),
                CreatedAt = t.Column<DateTime>(),
                UpdatedAt = t.Column<DateTime>(),
                ReviewComment = t.Column<string>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_submissions", x => x.Id));
        migrationBuilder.CreateIndex("IX_submissions_EconomyIso3_Kind", "submissions", ["EconomyIso3", "Kind"]);
        migrationBuilder.CreateIndex("IX_submissions_State", "submissions", "State");

        migrationBuilder.CreateTable(
            name: "submission_revisions",
            columns: t => new
            {
                Id = Initial.Identity(t),
                SubmissionId = t.Column<int>(),
                Number = t.Column<int>(),
                Event = t.Column<int>(),
                Content = t.Column<string>(),
                PublishedVersion = t.Column<int>(nullable: true),
                By = t.Column<int>(),
                At = t.Column<DateTime>(),
                Comment = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_submission_revisions", x => x.Id);
                t.ForeignKey("FK_submission_revisions_submissions_SubmissionId", x => x.SubmissionId,
                    "submissions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_submission_revisions_SubmissionId_Number", "submission_revisions", ["SubmissionId", "Number"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
        {
            "submission_revisions", "submissions", "outbox_messages", "rate_limit_counters", "data_protection_keys",
            "audit_entries", "api_tokens", "account_links", "account_roles", "accounts",
        })
        {
            migrationBuilder.DropTable(table);
        }
        if (IsPostgres(migrationBuilder))
        {
            migrationBuilder.Sql("DROP FUNCTION audit_entries_append_only();");
        }
    }

    internal static bool IsPostgres(MigrationBuilder migrationBuilder) => migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";

    internal static OperationBuilder<AddColumnOperation> LongIdentity(ColumnsBuilder t) =>
        t.Column<long>()
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
