using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Emr.Codegen.Runtime;

/// <summary>Reads and writes a generated type without reflection, so trimming and AOT keep working.</summary>
internal sealed class ApiJsonConverter<V> : JsonConverter<V>
    where V : IApiValue<V>
{
    public override V Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => V.EmrCodec.ReadRoot(ref reader);

    public override void Write(Utf8JsonWriter writer, V value, JsonSerializerOptions options) => V.EmrCodec.WriteJson(writer, value);

    public static JsonTypeInfo<V> Info(JsonSerializerOptions options) =>
        JsonMetadataServices.CreateValueInfo<V>(options, new ApiJsonConverter<V>());
}
