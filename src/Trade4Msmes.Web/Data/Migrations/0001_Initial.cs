using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Trade4Msmes.Web.Data.Migrations;

// Migrations are written by hand (the EF design-time tools are not available to this project);
// see docs/decisions/0001-hand-written-migrations.md. Each migration must work on SQLite and PostgreSQL.
[DbContext(typeof(AppDbContext))]
[Migration("202611220001_Initial")]
public class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "hs_sections",
            columns: t => new
            {
                Edition = t.Column<int>(),
                Number = t.Column<string>(),
                Position = t.Column<int>(),
                Title = t.Column<string>(),
            },
            constraints: t => t.PrimaryKey("PK_hs_sections", x => new { x.Edition, x.Number }));

        migrationBuilder.CreateTable(
            name: "hs_codes",
            columns: t => new
            {
                Edition = t.Column<int>(),
                Code = t.Column<string>(),
                Level = t.Column<int>(),
                ParentCode = t.Column<string>(nullable: true),
                SectionNumber = t.Column<string>(),
                Description = t.Column<string>(),
            },
            constraints: t => t.PrimaryKey("PK_hs_codes", x => new { x.Edition, x.Code }));
        migrationBuilder.CreateIndex("IX_hs_codes_Edition_ParentCode", "hs_codes", ["Edition", "ParentCode"]);

        migrationBuilder.CreateTable(
            name: "hs_correlations",
            columns: t => new
            {
                Hs2022Code = t.Column<string>(),
                Hs2017Code = t.Column<string>(),
                Relationship = t.Column<string>(),
            },
            constraints: t => t.PrimaryKey("PK_hs_correlations", x => new { x.Hs2022Code, x.Hs2017Code }));
        migrationBuilder.CreateIndex("IX_hs_correlations_Hs2017Code", "hs_correlations", "Hs2017Code");

        migrationBuilder.CreateTable(
            name: "economies",
            columns: t => new
            {
                Iso3 = t.Column<string>(),
                Iso2 = t.Column<string>(nullable: true),
                NumericCode = t.Column<int>(nullable: true),
                NameEn = t.Column<string>(),
                NameFr = t.Column<string>(),
                NameEs = t.Column<string>(),
                RegionCode = t.Column<int>(nullable: true),
                SubRegionCode = t.Column<int>(nullable: true),
                IsLeastDeveloped = t.Column<bool>(),
                IsLandlockedDeveloping = t.Column<bool>(),
                IsSmallIslandDeveloping = t.Column<bool>(),
                WtoStatus = t.Column<int>(),
                WtoMemberSince = t.Column<DateOnly>(nullable: true),
                IsMsmeGroupMember = t.Column<bool>(),
                MsmeGroupJoinedYear = t.Column<int>(nullable: true),
                MsmeGroupSource = t.Column<string>(nullable: true),
                CurrencyCode = t.Column<string>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_economies", x => x.Iso3));
        migrationBuilder.CreateIndex("IX_economies_Iso2", "economies", "Iso2");

        migrationBuilder.CreateTable(
            name: "regions",
            columns: t => new
            {
                Code = t.Column<int>(),
                ParentCode = t.Column<int>(nullable: true),
                NameEn = t.Column<string>(),
                NameFr = t.Column<string>(),
                NameEs = t.Column<string>(),
            },
            constraints: t => t.PrimaryKey("PK_regions", x => x.Code));

        migrationBuilder.CreateTable(
            name: "groupings",
            columns: t => new
            {
                Code = t.Column<string>(),
                NameEn = t.Column<string>(),
                NameFr = t.Column<string>(),
                NameEs = t.Column<string>(),
            },
            constraints: t => t.PrimaryKey("PK_groupings", x => x.Code));

        migrationBuilder.CreateTable(
            name: "grouping_memberships",
            columns: t => new
            {
                Id = Identity(t),
                GroupingCode = t.Column<string>(),
                EconomyIso3 = t.Column<string>(),
                From = t.Column<DateOnly>(nullable: true),
                To = t.Column<DateOnly>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_grouping_memberships", x => x.Id);
                t.ForeignKey("FK_grouping_memberships_groupings_GroupingCode", x => x.GroupingCode,
                    "groupings", "Code", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_grouping_memberships_EconomyIso3", "grouping_memberships", "EconomyIso3");
        migrationBuilder.CreateIndex("IX_grouping_memberships_GroupingCode", "grouping_memberships", "GroupingCode");

        migrationBuilder.CreateTable(
            name: "trade_agreements",
            columns: t => new
            {
                RtaId = t.Column<int>(),
                Name = t.Column<string>(),
                Coverage = t.Column<string>(nullable: true),
                Type = t.Column<string>(nullable: true),
                Notification = t.Column<string>(nullable: true),
                Status = t.Column<string>(),
                SignedGoods = t.Column<DateOnly>(nullable: true),
                SignedServices = t.Column<DateOnly>(nullable: true),
                NotifiedGoods = t.Column<DateOnly>(nullable: true),
                NotifiedServices = t.Column<DateOnly>(nullable: true),
                InForceGoods = t.Column<DateOnly>(nullable: true),
                InForceServices = t.Column<DateOnly>(nullable: true),
                InactiveSince = t.Column<DateOnly>(nullable: true),
                IsAccession = t.Column<bool>(),
                Composition = t.Column<string>(nullable: true),
                Region = t.Column<string>(nullable: true),
                AllPartiesWtoMembers = t.Column<bool>(),
                Remarks = t.Column<string>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_trade_agreements", x => x.RtaId));

        migrationBuilder.CreateTable(
            name: "agreement_parties",
            columns: t => new
            {
                Id = Identity(t),
                RtaId = t.Column<int>(),
                NameAsListed = t.Column<string>(),
                EconomyIso3 = t.Column<string>(nullable: true),
                GroupingCode = t.Column<string>(nullable: true),
                IsCurrent = t.Column<bool>(),
                IsOriginal = t.Column<bool>(),
                EntryDate = t.Column<DateOnly>(nullable: true),
                ExitDate = t.Column<DateOnly>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_agreement_parties", x => x.Id);
                t.ForeignKey("FK_agreement_parties_trade_agreements_RtaId", x => x.RtaId,
                    "trade_agreements", "RtaId", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_agreement_parties_RtaId", "agreement_parties", "RtaId");

        migrationBuilder.CreateTable(
            name: "agreement_participations",
            columns: t => new
            {
                Id = Identity(t),
                RtaId = t.Column<int>(),
                EconomyIso3 = t.Column<string>(),
                ViaGroupingCode = t.Column<string>(nullable: true),
                From = t.Column<DateOnly>(nullable: true),
                To = t.Column<DateOnly>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_agreement_participations", x => x.Id);
                t.ForeignKey("FK_agreement_participations_trade_agreements_RtaId", x => x.RtaId,
                    "trade_agreements", "RtaId", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_agreement_participations_EconomyIso3_RtaId", "agreement_participations", ["EconomyIso3", "RtaId"]);
        migrationBuilder.CreateIndex("IX_agreement_participations_RtaId", "agreement_participations", "RtaId");

        migrationBuilder.CreateTable(
            name: "reference_data_sets",
            columns: t => new
            {
                Name = t.Column<string>(),
                Fingerprint = t.Column<string>(),
                RowCount = t.Column<int>(),
                LoadedAt = t.Column<DateTimeOffset>(),
            },
            constraints: t => t.PrimaryKey("PK_reference_data_sets", x => x.Name));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
        {
            "reference_data_sets", "agreement_participations", "agreement_parties", "trade_agreements",
            "grouping_memberships", "groupings", "regions", "economies", "hs_correlations", "hs_codes", "hs_sections",
        })
        {
            migrationBuilder.DropTable(table);
        }
    }

    // An auto-incrementing key on both engines; each provider reads only its own annotation.
    internal static OperationBuilder<AddColumnOperation> Identity(ColumnsBuilder t) =>
        t.Column<int>()
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
