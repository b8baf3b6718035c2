using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kaimini.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class NewsAndFollows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "follows",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    community_id = table.Column<int>(type: "integer", nullable: true),
                    territory_id = table.Column<int>(type: "integer", nullable: true),
                    theme_id = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follows", x => x.id);
                    table.CheckConstraint("ck_follows_one_target", "num_nonnulls(community_id, territory_id, theme_id) = 1");
                    table.ForeignKey(
                        name: "fk_follows_communities_community_id",
                        column: x => x.community_id,
                        principalTable: "communities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_follows_territories_territory_id",
                        column: x => x.territory_id,
                        principalTable: "territories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_follows_themes_theme_id",
                        column: x => x.theme_id,
                        principalTable: "themes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_follows_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "news_items",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    community_id = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_news_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_news_items_communities_community_id",
                        column: x => x.community_id,
                        principalTable: "communities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_follows_community_id_user_id",
                table: "follows",
                columns: new[] { "community_id", "user_id" },
                unique: true,
                filter: "community_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_follows_territory_id_user_id",
                table: "follows",
                columns: new[] { "territory_id", "user_id" },
                unique: true,
                filter: "territory_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_follows_theme_id_user_id",
                table: "follows",
                columns: new[] { "theme_id", "user_id" },
                unique: true,
                filter: "theme_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_follows_user_id",
                table: "follows",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_news_items_community_id_published_at",
                table: "news_items",
                columns: new[] { "community_id", "published_at" });

            migrationBuilder.CreateIndex(
                name: "ix_news_items_published_at_id",
                table: "news_items",
                columns: new[] { "published_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "follows");

            migrationBuilder.DropTable(
                name: "news_items");
        }
    }
}
