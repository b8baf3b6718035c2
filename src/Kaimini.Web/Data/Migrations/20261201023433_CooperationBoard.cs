using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kaimini.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CooperationBoard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cooperation_posts",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    community_id = table.Column<int>(type: "integer", nullable: false),
                    direction = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    theme_id = table.Column<int>(type: "integer", nullable: true),
                    territory_id = table.Column<int>(type: "integer", nullable: false),
                    novads_id = table.Column<int>(type: "integer", nullable: false),
                    former_novads_id = table.Column<int>(type: "integer", nullable: true),
                    parish_id = table.Column<int>(type: "integer", nullable: true),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    matched_community_id = table.Column<int>(type: "integer", nullable: true),
                    matched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    hidden_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    hidden_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_by_id = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    search_document = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cooperation_posts", x => x.id);
                    table.ForeignKey(
                        name: "fk_cooperation_posts_asp_net_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_cooperation_posts_communities_community_id",
                        column: x => x.community_id,
                        principalTable: "communities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_cooperation_posts_communities_matched_community_id",
                        column: x => x.matched_community_id,
                        principalTable: "communities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_cooperation_posts_territories_former_novads_id",
                        column: x => x.former_novads_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_cooperation_posts_territories_novads_id",
                        column: x => x.novads_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_cooperation_posts_territories_parish_id",
                        column: x => x.parish_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_cooperation_posts_territories_territory_id",
                        column: x => x.territory_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_cooperation_posts_themes_theme_id",
                        column: x => x.theme_id,
                        principalTable: "themes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "cooperation_answers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    post_id = table.Column<int>(type: "integer", nullable: false),
                    reply_to_id = table.Column<Guid>(type: "uuid", nullable: true),
                    sender_id = table.Column<string>(type: "text", nullable: true),
                    sender_name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    message = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cooperation_answers", x => x.id);
                    table.ForeignKey(
                        name: "fk_cooperation_answers_asp_net_users_sender_id",
                        column: x => x.sender_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_cooperation_answers_cooperation_answers_reply_to_id",
                        column: x => x.reply_to_id,
                        principalTable: "cooperation_answers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_cooperation_answers_cooperation_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "cooperation_posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cooperation_reports",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    post_id = table.Column<int>(type: "integer", nullable: false),
                    reporter_id = table.Column<string>(type: "text", nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolved_by_id = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cooperation_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_cooperation_reports_asp_net_users_reporter_id",
                        column: x => x.reporter_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_cooperation_reports_asp_net_users_resolved_by_id",
                        column: x => x.resolved_by_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_cooperation_reports_cooperation_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "cooperation_posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_answers_post_id_created_at",
                table: "cooperation_answers",
                columns: new[] { "post_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_answers_reply_to_id",
                table: "cooperation_answers",
                column: "reply_to_id");

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_answers_sender_id",
                table: "cooperation_answers",
                column: "sender_id");

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_posts_community_id_created_at",
                table: "cooperation_posts",
                columns: new[] { "community_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_posts_created_by_id",
                table: "cooperation_posts",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_posts_former_novads_id",
                table: "cooperation_posts",
                column: "former_novads_id");

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_posts_matched_community_id_matched_at",
                table: "cooperation_posts",
                columns: new[] { "matched_community_id", "matched_at" },
                filter: "matched_community_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_posts_novads_id",
                table: "cooperation_posts",
                column: "novads_id");

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_posts_parish_id",
                table: "cooperation_posts",
                column: "parish_id");

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_posts_search_document",
                table: "cooperation_posts",
                column: "search_document")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_posts_status_created_at",
                table: "cooperation_posts",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_posts_status_direction",
                table: "cooperation_posts",
                columns: new[] { "status", "direction" });

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_posts_status_former_novads_id",
                table: "cooperation_posts",
                columns: new[] { "status", "former_novads_id" });

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_posts_status_kind",
                table: "cooperation_posts",
                columns: new[] { "status", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_posts_status_novads_id",
                table: "cooperation_posts",
                columns: new[] { "status", "novads_id" });

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_posts_status_parish_id",
                table: "cooperation_posts",
                columns: new[] { "status", "parish_id" });

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_posts_status_theme_id",
                table: "cooperation_posts",
                columns: new[] { "status", "theme_id" });

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_posts_status_valid_until",
                table: "cooperation_posts",
                columns: new[] { "status", "valid_until" });

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_posts_territory_id",
                table: "cooperation_posts",
                column: "territory_id");

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_posts_theme_id",
                table: "cooperation_posts",
                column: "theme_id");

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_reports_post_id",
                table: "cooperation_reports",
                column: "post_id");

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_reports_reporter_id",
                table: "cooperation_reports",
                column: "reporter_id");

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_reports_resolved_at_created_at",
                table: "cooperation_reports",
                columns: new[] { "resolved_at", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_reports_resolved_by_id",
                table: "cooperation_reports",
                column: "resolved_by_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cooperation_answers");

            migrationBuilder.DropTable(
                name: "cooperation_reports");

            migrationBuilder.DropTable(
                name: "cooperation_posts");
        }
    }
}
