import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EARTH_RADIUS_M, haversineMeters, nearestTo } from './geo';

const near = (actual: number, expected: number, tolerance: number) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);

describe('haversine distance', () => {
  it('is zero for one point, one degree of arc along the equator or a meridian, and symmetric', () => {
    const p = { lat: 31.2304, lng: 121.4737 };
    assert.equal(haversineMeters(p, p), 0);
    const degree = (Math.PI / 180) * EARTH_RADIUS_M; // 111,195.08 m
    near(haversineMeters({ lat: 0, lng: 0 }, { lat: 0, lng: 1 }), degree, 0.01);
    near(haversineMeters({ lat: 10, lng: 30 }, { lat: 11, lng: 30 }), degree, 0.01);
    const a = { lat: 31.2236, lng: 121.4436 };
    const b = { lat: 31.2384, lng: 121.5024 };
    assert.equal(haversineMeters(a, b), haversineMeters(b, a));
  });

  it('measures real distances: Shanghai to Beijing about 1,067 km; across the antimeridian; the poles', () => {
    // People's Square (31.2304 N, 121.4737 E) to Tiananmen (39.9042 N, 116.4074 E): 1,067 km great circle.
    near(haversineMeters({ lat: 31.2304, lng: 121.4737 }, { lat: 39.9042, lng: 116.4074 }), 1_067_000, 3_000);
    near(haversineMeters({ lat: 0, lng: 179.5 }, { lat: 0, lng: -179.5 }), (Math.PI / 180) * EARTH_RADIUS_M, 0.01);
    near(haversineMeters({ lat: 90, lng: 0 }, { lat: -90, lng: 0 }), Math.PI * EARTH_RADIUS_M, 0.01);
  });

  it('picks the nearest candidate with a position; none with a position is null', () => {
    const stores = [
      { id: 'jingan', position: { lat: 31.2236, lng: 121.4436 } },
      { id: 'nowhere', position: null },
      { id: 'xuhui', position: { lat: 31.1727, lng: 121.4595 } },
      { id: 'lujiazui', position: { lat: 31.2384, lng: 121.5024 } },
    ];
    // The Bund (31.2400 N, 121.4900 E) is across the river from Lujiazui, ~1.2 km.
    const best = nearestTo({ lat: 31.24, lng: 121.49 }, stores);
    assert.equal(best?.item.id, 'lujiazui');
    near(best!.meters, 1_190, 60);
    assert.equal(nearestTo({ lat: 31.18, lng: 121.455 }, stores)?.item.id, 'xuhui');
    assert.equal(nearestTo({ lat: 0, lng: 0 }, [{ position: null }]), null);
  });
});
