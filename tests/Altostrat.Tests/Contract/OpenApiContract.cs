using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Altostrat.Tests.Support;
using NJsonSchema;
using YamlDotNet.Serialization;

namespace Altostrat.Tests.Contract;

/// <summary>
/// The schemas of ../shared/openapi.yaml as JSON Schema validators (NJsonSchema). OpenAPI 3.0's <c>nullable</c> is
/// expressed as a type union, its component references as definitions; nothing else is changed.
/// </summary>
public static class OpenApiContract
{
    private static readonly ConcurrentDictionary<string, Task<JsonSchema>> Schemas = new();
    private static readonly JsonObject Document = Load();

    public static JsonObject Raw => Document;

    public static Task<JsonSchema> SchemaAsync(string componentName) => Schemas.GetOrAdd(componentName, name =>
    {
        var root = new JsonObject
        {
            ["$ref"] = "#/definitions/" + name,
            ["definitions"] = Document["components"]!["schemas"]!.DeepClone(),
        };
        return JsonSchema.FromJsonAsync(root.ToJsonString());
    });

    /// <summary>An inline schema of the document, e.g. the gen-ai request body, addressed by a path of property names.</summary>
    public static Task<JsonSchema> InlineSchemaAsync(params string[] path)
    {
        JsonNode node = Document;
        foreach (var segment in path) node = node[segment]!;
        var root = node.DeepClone().AsObject();
        root["definitions"] = Document["components"]!["schemas"]!.DeepClone();
        return JsonSchema.FromJsonAsync(root.ToJsonString());
    }

    public static async Task<string[]> ErrorsAsync(string componentName, string json) =>
        (await SchemaAsync(componentName)).Validate(json).Select(e => e.ToString()).ToArray();

    private static JsonObject Load()
    {
        var yaml = File.ReadAllText(Path.Combine(Paths.SharedDirectory, "openapi.yaml"));
        var graph = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build().Deserialize<object>(yaml);
        var json = JsonSerializer.Serialize(graph);
        var document = JsonNode.Parse(json.Replace("#/components/schemas/", "#/definitions/"))!.AsObject();
        Normalize(document);
        return document;
    }

    private static void Normalize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["nullable"] is JsonValue nullable && nullable.ToString() == "true" && obj["type"] is JsonValue type)
                {
                    obj["type"] = new JsonArray(type.ToString(), "null");
                    obj.Remove("nullable");
                }
                // "example" values are documentation, not constraints.
                obj.Remove("example");
                foreach (var child in obj.ToList()) Normalize(child.Value);
                break;
            case JsonArray array:
                foreach (var item in array) Normalize(item);
                break;
        }
    }
}
