// Latest mark price per venue and symbol, fed by whale and follower positions, fills and the public mark
// streams. A symbol without its own mark falls back to the same base asset on another venue.

export class MarkBook {
  private readonly bySymbol = new Map<string, number>();
  private readonly byBase = new Map<string, number>();

  set(venue: string, symbol: string, price: number): void {
    if (!(price > 0) || !Number.isFinite(price)) return;
    this.bySymbol.set(`${venue}|${symbol}`, price);
    this.byBase.set(symbol.slice(0, symbol.indexOf('/')), price);
  }

  get(venue: string, symbol: string): number | undefined {
    return this.bySymbol.get(`${venue}|${symbol}`) ?? this.byBase.get(symbol.slice(0, symbol.indexOf('/')));
  }
}
