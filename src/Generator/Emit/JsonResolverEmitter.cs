namespace Emr.Codegen.Generator.Emit
{
    /// <summary>
    /// Emits a JSON type-info resolver over the generated converters. System.Text.Json's own
    /// generator cannot see generated types, so this is what makes serialization AOT-safe.
    /// </summary>
    internal static class JsonResolverEmitter
    {
        public static string Emit(JsonResolverFileModel file)
        {
            string ns = file.Namespace;
            var w = new CodeWriter();
            Types.Header(w, ns);
            w.Line("/// <summary>Serialization metadata for every generated type, without reflection: use <see cref=\"Options\"/> with <c>JsonSerializer</c> in trimmed and AOT apps.</summary>");
            w.Line(Types.GeneratedCodeAttribute);
            w.Open(file.Visibility + " sealed class ApiJsonResolver : global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver");
            w.Line("/// <summary>The shared instance.</summary>");
            w.Line("public static global::" + ns + ".ApiJsonResolver Default { get; } = new global::" + ns + ".ApiJsonResolver();");
            w.Line();
            w.Line("/// <summary>Options that serialize the generated types as the API takes them.</summary>");
            w.Line("public static global::System.Text.Json.JsonSerializerOptions Options { get; } = new global::System.Text.Json.JsonSerializerOptions { TypeInfoResolver = Default };");
            w.Line();
            string infos = "global::System.Collections.Generic.Dictionary<global::System.Type, global::System.Func<global::System.Text.Json.JsonSerializerOptions, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo>>";
            w.Line("/// <inheritdoc/>");
            w.Line("public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(global::System.Type type, global::System.Text.Json.JsonSerializerOptions options) => s_infos.TryGetValue(type, out var info) ? info(options) : null;");
            w.Line();
            w.Line("private static readonly " + infos + " s_infos = CreateInfos();");
            w.Line();
            w.Open("private static " + infos + " CreateInfos()");
            w.Line("var infos = new " + infos + "();");
            foreach (string name in file.TypeNames)
            {
                w.Line("Add<" + Types.Global(ns, name) + ">(infos);");
            }

            w.Line("return infos;");
            w.Close();
            w.Line();
            w.Line("private static void Add<V>(" + infos + " infos) where V : " + Types.Runtime + "IApiValue<V> => infos[typeof(V)] = " + Types.Runtime + "ApiJsonConverter<V>.Info;");
            w.Close();
            return w.ToString();
        }
    }
}
