using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Trade4Msmes.Web.Data.Migrations;

// Dated, versioned national tariff schedules (the seven kinds of IDB data) and de minimis rules.
[DbContext(typeof(AppDbContext))]
[Migration("202611220004_Tariffs")]
public class Tariffs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "tariff_schedules",
            columns: t => new
            {
                Id = Initial.Identity(t),
                EconomyIso3 = t.Column<string>(),
                Version = t.Column<int>(),
                ValidFrom = t.Column<DateOnly>(),
                Title = t.Column<string>(),
                Source = t.Column<string>(),
                Currency = t.Column<string>(),
                HsEdition = t.Column<int>(),
                Origin = t.Column<int>(),
                TransmittedBy = t.Column<string>(nullable: true),
                ReceivedAt = t.Column<DateTimeOffset>(),
                LineCount = t.Column<int>(),
                UnparsedRateCount = t.Column<int>(),
                Caveat = t.Column<string>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_tariff_schedules", x => x.Id));
        migrationBuilder.CreateIndex(
            "IX_tariff_schedules_EconomyIso3_Version", "tariff_schedules", ["EconomyIso3", "Version"], unique: true);

        migrationBuilder.CreateTable(
            name: "tariff_programmes",
            columns: t => new
            {
                Id = Initial.Identity(t),
                ScheduleId = t.Column<int>(),
                Code = t.Column<string>(),
                Name = t.Column<string>(),
                Kind = t.Column<int>(),
                RtaId = t.Column<int>(nullable: true),
                Origins = t.Column<string>(),
                Note = t.Column<string>(nullable: true),
                Source = t.Column<string>(nullable: true),
                LapsedOn = t.Column<DateOnly>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_tariff_programmes", x => x.Id);
                t.ForeignKey("FK_tariff_programmes_tariff_schedules_ScheduleId", x => x.ScheduleId,
                    "tariff_schedules", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_tariff_programmes_ScheduleId", "tariff_programmes", "ScheduleId");

        migrationBuilder.CreateTable(
            name: "tariff_lines",
            columns: t => new
            {
                Id = Initial.Identity(t),
                ScheduleId = t.Column<int>(),
                Code = t.Column<string>(),
                Hs6 = t.Column<string>(),
                Description = t.Column<string>(),
                FullDescription = t.Column<string>(),
                Units = t.Column<string>(nullable: true),
                AdValoremEquivalent = t.Column<decimal>(nullable: true),
                Notes = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_tariff_lines", x => x.Id);
                t.ForeignKey("FK_tariff_lines_tariff_schedules_ScheduleId", x => x.ScheduleId,
                    "tariff_schedules", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_tariff_lines_ScheduleId_Hs6", "tariff_lines", ["ScheduleId", "Hs6"]);
        migrationBuilder.CreateIndex("IX_tariff_lines_ScheduleId_Code", "tariff_lines", ["ScheduleId", "Code"], unique: true);

        migrationBuilder.CreateTable(
            name: "tariff_rates",
            columns: t => new
            {
                Id = Initial.Identity(t),
                LineId = t.Column<int>(),
                Kind = t.Column<int>(),
                Programme = t.Column<string>(nullable: true),
                Text = t.Column<string>(),
                Form = t.Column<string>(),
                AdValorem = t.Column<decimal>(nullable: true),
                SpecificAmount = t.Column<decimal>(nullable: true),
                SpecificCurrency = t.Column<string>(nullable: true),
                SpecificUnit = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_tariff_rates", x => x.Id);
                t.ForeignKey("FK_tariff_rates_tariff_lines_LineId", x => x.LineId,
                    "tariff_lines", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_tariff_rates_LineId", "tariff_rates", "LineId");

        migrationBuilder.CreateTable(
            name: "tariff_rate_quotas",
            columns: t => new
            {
                Id = Initial.Identity(t),
                LineId = t.Column<int>(),
                Programme = t.Column<string>(nullable: true),
                Quantity = t.Column<decimal>(nullable: true),
                Unit = t.Column<string>(nullable: true),
                InQuotaRate = t.Column<string>(),
                OutOfQuotaRate = t.Column<string>(),
                ImportsUnderQuota = t.Column<decimal>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_tariff_rate_quotas", x => x.Id);
                t.ForeignKey("FK_tariff_rate_quotas_tariff_lines_LineId", x => x.LineId,
                    "tariff_lines", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_tariff_rate_quotas_LineId", "tariff_rate_quotas", "LineId");

        migrationBuilder.CreateTable(
            name: "tariff_imports",
            columns: t => new
            {
                Id = Initial.Identity(t),
                ScheduleId = t.Column<int>(),
                LineCode = t.Column<string>(),
                OriginIso3 = t.Column<string>(),
                Year = t.Column<int>(),
                Value = t.Column<decimal>(),
                Quantity = t.Column<decimal>(nullable: true),
                Unit = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_tariff_imports", x => x.Id);
                t.ForeignKey("FK_tariff_imports_tariff_schedules_ScheduleId", x => x.ScheduleId,
                    "tariff_schedules", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_tariff_imports_ScheduleId_LineCode", "tariff_imports", ["ScheduleId", "LineCode"]);

        migrationBuilder.CreateTable(
            name: "de_minimis_rules",
            columns: t => new
            {
                Id = Initial.Identity(t),
                EconomyIso3 = t.Column<string>(),
                ValidFrom = t.Column<DateOnly>(),
                ValidTo = t.Column<DateOnly>(nullable: true),
                AppliesTo = t.Column<string>(),
                Threshold = t.Column<decimal>(),
                Currency = t.Column<string>(),
                Channel = t.Column<string>(),
                Origins = t.Column<string>(nullable: true),
                Rule = t.Column<string>(),
                Source = t.Column<string>(),
            },
            constraints: t => t.PrimaryKey("PK_de_minimis_rules", x => x.Id));
        migrationBuilder.CreateIndex("IX_de_minimis_rules_EconomyIso3", "de_minimis_rules", "EconomyIso3");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("de_minimis_rules");
        migrationBuilder.DropTable("tariff_imports");
        migrationBuilder.DropTable("tariff_rate_quotas");
        migrationBuilder.DropTable("tariff_rates");
        migrationBuilder.DropTable("tariff_lines");
        migrationBuilder.DropTable("tariff_programmes");
        migrationBuilder.DropTable("tariff_schedules");
    }
}
