using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Trade4Msmes.Web.Data.Migrations;

// The policy databases, with a full-text index on their folded and stemmed words: an FTS5 table kept in step
// by triggers on SQLite, a GIN index over the words on PostgreSQL. Stemming is done by the app for both
// (Search/PolicyText.cs), so both engines find the same records.
[DbContext(typeof(AppDbContext))]
[Migration("202611220008_PolicyRecords")]
public class PolicyRecords : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "policy_records",
            columns: t => new
            {
                Id = Initial.Identity(t),
                Key = t.Column<string>(maxLength: 120),
                Database = t.Column<int>(),
                EconomyIso3 = t.Column<string>(maxLength: 3, nullable: true),
                RtaId = t.Column<int>(nullable: true),
                Category = t.Column<string>(maxLength: 40, nullable: true),
                Title = t.Column<string>(),
                Text = t.Column<string>(),
                Language = t.Column<string>(maxLength: 2),
                Year = t.Column<int>(nullable: true),
                Date = t.Column<DateOnly>(nullable: true),
                SourceSymbol = t.Column<string>(maxLength: 200),
                SourceLocation = t.Column<string>(nullable: true),
                SourceUrl = t.Column<string>(nullable: true),
                Details = t.Column<string>(),
                SubmissionId = t.Column<int>(nullable: true),
                SubmissionPart = t.Column<string>(maxLength: 40, nullable: true),
                SearchTerms = t.Column<string>(),
                RecordedAt = t.Column<DateTime>(),
                UpdatedAt = t.Column<DateTime>(),
            },
            constraints: t => t.PrimaryKey("PK_policy_records", x => x.Id));
        migrationBuilder.CreateIndex("IX_policy_records_Key", "policy_records", "Key", unique: true);
        migrationBuilder.CreateIndex("IX_policy_records_Database_EconomyIso3", "policy_records", ["Database", "EconomyIso3"]);
        migrationBuilder.CreateIndex("IX_policy_records_EconomyIso3", "policy_records", "EconomyIso3");
        migrationBuilder.CreateIndex("IX_policy_records_RtaId", "policy_records", "RtaId");
        migrationBuilder.CreateIndex("IX_policy_records_SubmissionId", "policy_records", "SubmissionId");

        if (Accounts.IsPostgres(migrationBuilder))
        {
            migrationBuilder.Sql("""CREATE INDEX "IX_policy_records_SearchTerms" ON policy_records USING GIN (to_tsvector('simple', "SearchTerms"));""");
            return;
        }
        migrationBuilder.Sql("""
            CREATE VIRTUAL TABLE policy_records_fts USING fts5("SearchTerms", content='policy_records', content_rowid='Id', tokenize='unicode61');
            CREATE TRIGGER policy_records_fts_insert AFTER INSERT ON policy_records BEGIN
                INSERT INTO policy_records_fts(rowid, "SearchTerms") VALUES (new."Id", new."SearchTerms");
            END;
            CREATE TRIGGER policy_records_fts_delete AFTER DELETE ON policy_records BEGIN
                INSERT INTO policy_records_fts(policy_records_fts, rowid, "SearchTerms") VALUES ('delete', old."Id", old."SearchTerms");
            END;
            CREATE TRIGGER policy_records_fts_update AFTER UPDATE ON policy_records BEGIN
                INSERT INTO policy_records_fts(policy_records_fts, rowid, "SearchTerms") VALUES ('delete', old."Id", old."SearchTerms");
                INSERT INTO policy_records_fts(rowid, "SearchTerms") VALUES (new."Id", new."SearchTerms");
            END;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (!Accounts.IsPostgres(migrationBuilder))
        {
            migrationBuilder.Sql("DROP TABLE policy_records_fts;");
        }
        migrationBuilder.DropTable("policy_records");
    }
}
