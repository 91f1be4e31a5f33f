// Integration tests drive real servers; the default five seconds is too short for a workflow round trip.
jest.setTimeout(180_000);
