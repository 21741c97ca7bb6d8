using System.Collections.Generic;

namespace Emr.Codegen.Runtime.Tests
{
    /// <summary>
    /// A type written the way the generator writes one (properties, a spec fragment, a member table), by hand, so the
    /// runtime is tested without the generator.
    /// </summary>
    public sealed class Cluster : ApiObject<Cluster>, IApiValue<Cluster>
    {
        internal const string Fragment =
            "{\"metadata\": {\"namespace\": \"Runtime.Tests\"}," +
            " \"enums\": {\"Unit\": {\"type\": \"string\", \"open\": false, \"errorCode\": \"InvalidParameter.InvalidTimeUnit\", \"values\": [{\"value\": \"s\", \"name\": \"Seconds\"}, {\"value\": \"m\", \"name\": \"Months\"}]}}," +
            " \"objects\": {\"Cluster\": {\"members\": [" +
            "{\"name\": \"Name\", \"type\": \"string\", \"member\": \"string\", \"required\": true, \"constraints\": {\"minLength\": 6, \"maxLength\": 36, \"pattern\": \"[A-Za-z0-9_-]*\", \"message\": \"may hold only letters, digits, '-' and '_'\", \"errorCode\": \"InvalidParameter.InvalidInstanceName\"}}," +
            "{\"name\": \"PayMode\", \"type\": \"int\", \"member\": \"int64\", \"required\": true, \"constraints\": {\"minimum\": 0, \"maximum\": 1}}," +
            "{\"name\": \"TimeUnit\", \"type\": \"string\", \"member\": \"string\", \"enum\": \"Unit\"}," +
            "{\"name\": \"TimeSpan\", \"type\": \"int\", \"member\": \"int64\"}," +
            "{\"name\": \"MultiZone\", \"type\": \"bool\", \"member\": \"bool\"}," +
            "{\"name\": \"Software\", \"type\": \"list\", \"member\": \"string\"}," +
            "{\"name\": \"Password\", \"type\": \"string\", \"member\": \"string\", \"constraints\": {\"sensitive\": true}}]," +
            " \"rules\": [" +
            "{\"id\": \"PayAsYouGoNeedsSeconds\", \"when\": {\"member\": \"PayMode\", \"equals\": 0}, \"require\": {\"member\": \"TimeUnit\", \"equals\": \"s\"}, \"errorCode\": \"InvalidParameter.InvalidTimeUnit\", \"severity\": \"error\", \"message\": \"With PayMode 0, TimeUnit must be \\\"s\\\"\"}]}}}";

        private static readonly ApiType<Cluster> EmrType = new(Fragment, "Cluster", static () => new Cluster(), new ApiMembers<Cluster>()
            .String("Name", static o => o.Name, static (o, v) => o.Name = v)
            .Int64("PayMode", static o => o.PayMode, static (o, v) => o.PayMode = v)
            .String("TimeUnit", static o => o.TimeUnit, static (o, v) => o.TimeUnit = v)
            .Int64("TimeSpan", static o => o.TimeSpan, static (o, v) => o.TimeSpan = v)
            .Boolean("MultiZone", static o => o.MultiZone, static (o, v) => o.MultiZone = v)
            .List<string>("Software", ApiCodecs.String, static o => o.Software, static (o, v) => o.Software = v)
            .String("Password", static o => o.Password, static (o, v) => o.Password = v, sensitive: true));

        public Cluster()
            : base(EmrType)
        {
        }

        public string? Name { get; set; }

        public long? PayMode { get; set; }

        public string? TimeUnit { get; set; }

        public long? TimeSpan { get; set; }

        public bool? MultiZone { get; set; }

        public List<string>? Software { get; set; }

        public string? Password { get; set; }

        static ApiCodec<Cluster> IApiValue<Cluster>.EmrCodec => EmrType;

        public static Cluster FromJson(string json) => ApiJson.Read(json, EmrType);

        public static Cluster ParseForm(string text) => EmrType.ReadForm(ApiFormEncoding.Split(text));

        /// <summary>A cluster the fragment's checks and rules accept.</summary>
        public static Cluster Valid() => new()
        {
            Name = "emr_test",
            PayMode = 0,
            TimeUnit = "s",
            TimeSpan = 3600,
            MultiZone = true,
            Software = new List<string> { "hive", "flink" },
            Password = "Secret@2019x",
        };
    }
}
