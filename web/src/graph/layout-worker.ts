// The large-canvas layout's worker: ForceAtlas2 off the page's main thread, so the page styles
// and draws the new elements while the positions are computed.
import { type ForceInput, forcePositions } from './force-layout.ts';

self.onmessage = (event: MessageEvent<ForceInput>) => {
  const positions = forcePositions(event.data);
  self.postMessage(positions, { transfer: [positions.buffer] });
};
