using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaimini.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CoOrganiserRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "owner_community_id",
                table: "events",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "co_organiser_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<int>(type: "integer", nullable: false),
                    community_id = table.Column<int>(type: "integer", nullable: false),
                    requested_by_id = table.Column<string>(type: "text", nullable: true),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    answered_by_id = table.Column<string>(type: "text", nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_co_organiser_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_co_organiser_requests_asp_net_users_answered_by_id",
                        column: x => x.answered_by_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_co_organiser_requests_communities_community_id",
                        column: x => x.community_id,
                        principalTable: "communities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_co_organiser_requests_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_co_organiser_requests_users_requested_by_id",
                        column: x => x.requested_by_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_events_owner_community_id",
                table: "events",
                column: "owner_community_id");

            migrationBuilder.CreateIndex(
                name: "ix_co_organiser_requests_answered_by_id",
                table: "co_organiser_requests",
                column: "answered_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_co_organiser_requests_community_id_status",
                table: "co_organiser_requests",
                columns: new[] { "community_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_co_organiser_requests_event_id_community_id",
                table: "co_organiser_requests",
                columns: new[] { "event_id", "community_id" },
                unique: true,
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_co_organiser_requests_requested_by_id",
                table: "co_organiser_requests",
                column: "requested_by_id");

            migrationBuilder.AddForeignKey(
                name: "fk_events_communities_owner_community_id",
                table: "events",
                column: "owner_community_id",
                principalTable: "communities",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            // Events a leader created: the co-organising community its creator leads is the owner.
            migrationBuilder.Sql("""
                UPDATE events e SET owner_community_id = (
                    SELECT min(ec.community_id) FROM event_communities ec
                    JOIN community_memberships m ON m.community_id = ec.community_id AND m.user_id = e.created_by_id AND m.is_leader
                    WHERE ec.event_id = e.id)
                WHERE e.created_by_id IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_events_communities_owner_community_id",
                table: "events");

            migrationBuilder.DropTable(
                name: "co_organiser_requests");

            migrationBuilder.DropIndex(
                name: "ix_events_owner_community_id",
                table: "events");

            migrationBuilder.DropColumn(
                name: "owner_community_id",
                table: "events");
        }
    }
}
