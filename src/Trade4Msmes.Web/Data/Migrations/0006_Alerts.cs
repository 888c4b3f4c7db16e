using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Trade4Msmes.Web.Data.Migrations;

// SPS/TBT notifications, subscribers and their subscriptions, the events alerts are made of, the rate changes
// between schedule versions, and the matched alerts waiting for their email.
[DbContext(typeof(AppDbContext))]
[Migration("202611220006_Alerts")]
public class Alerts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "notifications",
            columns: t => new
            {
                Id = Initial.Identity(t),
                DocumentSymbol = t.Column<string>(maxLength: 100),
                ParentSymbol = t.Column<string>(maxLength: 100, nullable: true),
                Domain = t.Column<int>(),
                Type = t.Column<int>(),
                MemberIso3 = t.Column<string>(maxLength: 3),
                DistributionDate = t.Column<DateOnly>(),
                Title = t.Column<string>(),
                Description = t.Column<string>(nullable: true),
                ProductsText = t.Column<string>(nullable: true),
                HsCodes = t.Column<string>(),
                IcsCodes = t.Column<string>(),
                Objectives = t.Column<string>(nullable: true),
                Keywords = t.Column<string>(nullable: true),
                CommentDeadline = t.Column<DateOnly>(nullable: true),
                EntryIntoForce = t.Column<DateOnly>(nullable: true),
                DocumentLinks = t.Column<string>(),
                Language = t.Column<string>(maxLength: 2),
                Source = t.Column<string>(),
                SearchText = t.Column<string>(),
                RecordedAt = t.Column<DateTime>(),
                UpdatedAt = t.Column<DateTime>(),
            },
            constraints: t => t.PrimaryKey("PK_notifications", x => x.Id));
        migrationBuilder.CreateIndex("IX_notifications_DocumentSymbol", "notifications", "DocumentSymbol", unique: true);
        migrationBuilder.CreateIndex("IX_notifications_MemberIso3_DistributionDate", "notifications", ["MemberIso3", "DistributionDate"]);
        migrationBuilder.CreateIndex("IX_notifications_DistributionDate", "notifications", "DistributionDate");
        migrationBuilder.CreateIndex("IX_notifications_CommentDeadline", "notifications", "CommentDeadline");

        migrationBuilder.CreateTable(
            name: "notification_hs_codes",
            columns: t => new
            {
                Id = Accounts.LongIdentity(t),
                NotificationId = t.Column<int>(),
                Code = t.Column<string>(maxLength: 6),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_notification_hs_codes", x => x.Id);
                t.ForeignKey("FK_notification_hs_codes_notifications_NotificationId", x => x.NotificationId, "notifications", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_notification_hs_codes_Code", "notification_hs_codes", "Code");
        migrationBuilder.CreateIndex("IX_notification_hs_codes_NotificationId", "notification_hs_codes", "NotificationId");

        migrationBuilder.CreateTable(
            name: "subscribers",
            columns: t => new
            {
                Id = Initial.Identity(t),
                Email = t.Column<string>(maxLength: 254),
                Language = t.Column<string>(maxLength: 2),
                CreatedAt = t.Column<DateTime>(),
            },
            constraints: t => t.PrimaryKey("PK_subscribers", x => x.Id));
        migrationBuilder.CreateIndex("IX_subscribers_Email", "subscribers", "Email", unique: true);

        migrationBuilder.CreateTable(
            name: "subscriptions",
            columns: t => new
            {
                Id = Initial.Identity(t),
                SubscriberId = t.Column<int>(),
                Products = t.Column<string>(),
                Markets = t.Column<string>(),
                Keywords = t.Column<string>(),
                Kinds = t.Column<int>(),
                Frequency = t.Column<int>(),
                CreatedAt = t.Column<DateTime>(),
                ConfirmedAt = t.Column<DateTime>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_subscriptions", x => x.Id);
                t.ForeignKey("FK_subscriptions_subscribers_SubscriberId", x => x.SubscriberId, "subscribers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_subscriptions_SubscriberId", "subscriptions", "SubscriberId");

        migrationBuilder.CreateTable(
            name: "alert_events",
            columns: t => new
            {
                Id = Accounts.LongIdentity(t),
                Kind = t.Column<int>(),
                SubjectId = t.Column<int>(),
                CreatedAt = t.Column<DateTime>(),
                MatchedAt = t.Column<DateTime>(nullable: true),
                Matched = t.Column<int>(),
                LeaseOwner = t.Column<string>(nullable: true),
                LeaseUntil = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_alert_events", x => x.Id));
        migrationBuilder.CreateIndex("IX_alert_events_Kind_SubjectId", "alert_events", ["Kind", "SubjectId"], unique: true);
        migrationBuilder.CreateIndex("IX_alert_events_MatchedAt", "alert_events", "MatchedAt");

        migrationBuilder.CreateTable(
            name: "tariff_changes",
            columns: t => new
            {
                Id = Accounts.LongIdentity(t),
                ScheduleId = t.Column<int>(),
                EconomyIso3 = t.Column<string>(maxLength: 3),
                EffectiveFrom = t.Column<DateOnly>(),
                LineCode = t.Column<string>(),
                Hs6 = t.Column<string>(),
                Description = t.Column<string>(),
                Rate = t.Column<string>(),
                Programme = t.Column<string>(nullable: true),
                OldRate = t.Column<string>(nullable: true),
                NewRate = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_tariff_changes", x => x.Id);
                t.ForeignKey("FK_tariff_changes_tariff_schedules_ScheduleId", x => x.ScheduleId, "tariff_schedules", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_tariff_changes_ScheduleId", "tariff_changes", "ScheduleId");
        migrationBuilder.CreateIndex("IX_tariff_changes_EconomyIso3_EffectiveFrom", "tariff_changes", ["EconomyIso3", "EffectiveFrom"]);

        migrationBuilder.CreateTable(
            name: "alert_items",
            columns: t => new
            {
                Id = Accounts.LongIdentity(t),
                SubscriberId = t.Column<int>(),
                EventId = t.Column<long>(),
                Lines = t.Column<string>(nullable: true),
                CreatedAt = t.Column<DateTime>(),
                DueAt = t.Column<DateTime>(),
                OutboxMessageId = t.Column<long>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_alert_items", x => x.Id);
                t.ForeignKey("FK_alert_items_subscribers_SubscriberId", x => x.SubscriberId, "subscribers", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_alert_items_alert_events_EventId", x => x.EventId, "alert_events", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_alert_items_SubscriberId_EventId", "alert_items", ["SubscriberId", "EventId"], unique: true);
        migrationBuilder.CreateIndex("IX_alert_items_OutboxMessageId_DueAt", "alert_items", ["OutboxMessageId", "DueAt"]);
        migrationBuilder.CreateIndex("IX_alert_items_EventId", "alert_items", "EventId");

        // Alert emails carry a one-click unsubscribe address (RFC 8058) in their headers.
        migrationBuilder.AddColumn<string>("ListUnsubscribe", "outbox_messages", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("ListUnsubscribe", "outbox_messages");
        foreach (var table in new[] { "alert_items", "tariff_changes", "alert_events", "subscriptions", "subscribers", "notification_hs_codes", "notifications" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
