using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaimini.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SignupConfirmation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "email_confirmed_at",
                table: "event_registrations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "quota_approved",
                table: "event_registrations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Registrations made before the rule: one made signed in with the account's own address
            // counts as confirmed, and places already held for a side stay that side's.
            migrationBuilder.Sql("""
                UPDATE event_registrations r SET email_confirmed_at = r.created_at
                FROM "AspNetUsers" u
                WHERE r.user_id = u.id AND r.email = lower(u.email);
                UPDATE event_registrations SET quota_approved = true
                WHERE participant_type <> 'Resident' AND status = 'Confirmed';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "email_confirmed_at",
                table: "event_registrations");

            migrationBuilder.DropColumn(
                name: "quota_approved",
                table: "event_registrations");
        }
    }
}
